import { describe, expect, it } from 'vitest';
import { CSS, palette } from './styles';

describe('frame styles', () => {
  it('animates only for people who have not asked for reduced motion', () => {
    const text = CSS.replace(/\s+/g, '');
    expect(text).toMatch(/animation/);
    // Remove the no-preference block (with its nested @keyframes); nothing may move outside it.
    const start = text.indexOf('@media(prefers-reduced-motion:no-preference){');
    expect(start).toBeGreaterThan(-1);
    let depth = 0;
    let end = start;
    for (let i = text.indexOf('{', start); i < text.length; i++) {
      if (text[i] === '{') depth++;
      if (text[i] === '}' && --depth === 0) {
        end = i + 1;
        break;
      }
    }
    const outside = text.slice(0, start) + text.slice(end);
    expect(outside).not.toMatch(/animation|transition|@keyframes/);
  });

  it('keeps text readable on any brand colour and ignores colours that are not hex', () => {
    expect(palette('#0f766e')).toEqual({ '--b': '#0f766e', '--on': '#fff', '--ink': '#0f766e' });
    expect(palette('#fde047')['--on']).toBe('#111827'); // yellow: dark text
    expect(palette('#fde047')['--ink']).toBe('#111827');
    expect(palette('red;}body{display:none')['--b']).toBe('#4f46e5');
  });
});
