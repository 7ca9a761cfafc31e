<?php
/**
 * Puts the chat on front-end pages: the loader script tag and, for a signed-in user, the
 * identity token minted on this server.
 *
 * @package Replyline
 */

defined( 'ABSPATH' ) || exit;

/**
 * The front-end half of the plugin.
 */
final class Replyline_Embed {

	const HANDLE = 'replyline-widget';

	/**
	 * Hooks the loader into front-end pages.
	 */
	public static function register() {
		add_action( 'wp_enqueue_scripts', array( __CLASS__, 'enqueue' ) );
		add_filter( 'script_loader_tag', array( __CLASS__, 'loader_tag' ), 10, 2 );
	}

	/**
	 * Enqueues the loader (and the identify call before it) where the chat should show.
	 */
	public static function enqueue() {
		if ( ! self::configured() || ! self::shows_here() ) {
			return;
		}
		// No version argument: the API serves the current widget and sets its own caching.
		wp_enqueue_script( self::HANDLE, Replyline_Options::api_url() . '/widget.js', array(), null, true ); // phpcs:ignore WordPress.WP.EnqueuedResourceParameters.MissingVersion
		wp_add_inline_script( self::HANDLE, self::queue_script(), 'before' );
	}

	/**
	 * Adds the publishable key and async loading to the loader's tag.
	 *
	 * @param string $tag    The script tag WordPress built.
	 * @param string $handle Its handle.
	 * @return string
	 */
	public static function loader_tag( $tag, $handle ) {
		if ( self::HANDLE !== $handle ) {
			return $tag;
		}
		$attributes = sprintf( ' data-key="%s" async src=', esc_attr( Replyline_Options::publishable_key() ) );
		return preg_replace( '/ src=/', $attributes, $tag, 1 );
	}

	/**
	 * The command queue the loader reads once it arrives, with the signed-in user's identity.
	 * A visitor gets the queue alone: no identity, so an anonymous chat.
	 *
	 * @return string
	 */
	private static function queue_script() {
		$script = 'window.Replyline = window.Replyline || function () { (window.Replyline.q = window.Replyline.q || []).push(arguments); };';
		$token  = self::identity_token();
		if ( null !== $token ) {
			// wp_json_encode escapes "<", ">" and quotes, so the token cannot end the script early.
			$script .= "\nReplyline('identify', " . wp_json_encode( array( 'token' => $token ), JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT ) . ');';
		}
		return $script;
	}

	/**
	 * A fresh token for the signed-in user, or null for a visitor or without a secret.
	 *
	 * @return string|null
	 */
	private static function identity_token() {
		if ( ! is_user_logged_in() || ! Replyline_Options::has_identity_secret() ) {
			return null;
		}
		$claims = Replyline_Customer::claims( wp_get_current_user(), self::current_url() );
		return Replyline_Identity_Token::mint( $claims, Replyline_Options::identity_secret() );
	}

	/**
	 * The address of the page being viewed (context for the assistant).
	 *
	 * @return string
	 */
	private static function current_url() {
		global $wp;
		return home_url( $wp instanceof WP ? $wp->request : '' );
	}

	/**
	 * The API URL and publishable key are set.
	 *
	 * @return bool
	 */
	private static function configured() {
		return '' !== Replyline_Options::api_url() && '' !== Replyline_Options::publishable_key();
	}

	/**
	 * Every page, or only the pages and posts listed (by ID or slug).
	 *
	 * @return bool
	 */
	private static function shows_here() {
		if ( 'all' === Replyline_Options::placement() ) {
			return true;
		}
		$chosen = Replyline_Options::chosen_pages();
		return ! empty( $chosen ) && ( is_page( $chosen ) || is_single( $chosen ) );
	}
}
