import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'happy-dom',
    environmentOptions: {
      // The tests add <script src=".../widget.js"> tags and cross-origin iframes: fetch neither.
      // Iframes "navigate" by setting their URL only, so they neither hit the network nor log
      // an error for every frame the loader opens.
      happyDOM: {
        url: 'https://shop.example.test/products/1',
        settings: {
          disableJavaScriptFileLoading: true,
          handleDisabledFileLoadingAsSuccess: true,
          enableIframePageLoading: true,
          navigation: { disableChildFrameNavigation: true },
        },
      },
    },
  },
});
