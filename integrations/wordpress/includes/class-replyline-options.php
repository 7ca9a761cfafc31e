<?php
/**
 * The plugin's stored settings: their names, defaults and validation.
 *
 * @package Replyline
 */

defined( 'ABSPATH' ) || exit;

/**
 * One place that knows the option names and what a valid value is.
 */
final class Replyline_Options {

	const API_URL         = 'replyline_api_url';
	const PUBLISHABLE_KEY = 'replyline_publishable_key';
	const IDENTITY_SECRET = 'replyline_identity_secret';
	const PLACEMENT       = 'replyline_placement';
	const CHOSEN_PAGES    = 'replyline_chosen_pages';

	/**
	 * Every option the plugin writes (uninstall removes them all).
	 *
	 * @return string[]
	 */
	public static function all_names() {
		return array( self::API_URL, self::PUBLISHABLE_KEY, self::IDENTITY_SECRET, self::PLACEMENT, self::CHOSEN_PAGES );
	}

	/**
	 * The API's address without a trailing slash, e.g. https://api.replyline.app.
	 *
	 * @return string
	 */
	public static function api_url() {
		return untrailingslashit( (string) get_option( self::API_URL, '' ) );
	}

	/**
	 * The workspace's publishable key (pk_…).
	 *
	 * @return string
	 */
	public static function publishable_key() {
		return (string) get_option( self::PUBLISHABLE_KEY, '' );
	}

	/**
	 * The identity secret; only ever used on the server, never printed.
	 *
	 * @return string
	 */
	public static function identity_secret() {
		return (string) get_option( self::IDENTITY_SECRET, '' );
	}

	/**
	 * Whether an identity secret is stored (the settings page shows "set", never the value).
	 *
	 * @return bool
	 */
	public static function has_identity_secret() {
		return '' !== self::identity_secret();
	}

	/**
	 * 'all' (every front-end page) or 'chosen' (only the pages listed).
	 *
	 * @return string
	 */
	public static function placement() {
		return 'chosen' === get_option( self::PLACEMENT, 'all' ) ? 'chosen' : 'all';
	}

	/**
	 * The page or post IDs and slugs the chat shows on when placement is 'chosen'.
	 *
	 * @return string[]
	 */
	public static function chosen_pages() {
		return self::split_list( (string) get_option( self::CHOSEN_PAGES, '' ) );
	}

	/**
	 * Keeps an http(s) address, or rejects it with a message and keeps the previous one.
	 *
	 * @param mixed $value Submitted value.
	 * @return string
	 */
	public static function sanitize_api_url( $value ) {
		$url = trim( (string) $value );
		if ( '' === $url ) {
			return '';
		}
		$scheme = wp_parse_url( $url, PHP_URL_SCHEME );
		if ( false === filter_var( $url, FILTER_VALIDATE_URL ) || ! in_array( $scheme, array( 'http', 'https' ), true ) ) {
			add_settings_error( self::API_URL, 'replyline_api_url', __( 'The API URL must be a web address such as https://api.replyline.app.', 'replyline' ) );
			return self::api_url();
		}
		return untrailingslashit( esc_url_raw( $url, array( 'http', 'https' ) ) );
	}

	/**
	 * Keeps a publishable key (pk_ followed by letters, digits, "_" or "-").
	 *
	 * @param mixed $value Submitted value.
	 * @return string
	 */
	public static function sanitize_publishable_key( $value ) {
		$key = trim( sanitize_text_field( (string) $value ) );
		if ( '' === $key || preg_match( '/^pk_[A-Za-z0-9_-]{1,116}$/', $key ) ) {
			return $key;
		}
		add_settings_error( self::PUBLISHABLE_KEY, 'replyline_publishable_key', __( 'The publishable key starts with pk_; copy it from Widget settings in your Replyline dashboard.', 'replyline' ) );
		return self::publishable_key();
	}

	/**
	 * An empty field keeps the stored secret (the page never shows it, so the field starts
	 * empty); a new value replaces it.
	 *
	 * @param mixed $value Submitted value.
	 * @return string
	 */
	public static function sanitize_identity_secret( $value ) {
		$secret = trim( (string) $value );
		if ( '' === $secret ) {
			return self::identity_secret();
		}
		if ( strlen( $secret ) < 16 || strlen( $secret ) > 200 || preg_match( '/\s/', $secret ) ) {
			add_settings_error( self::IDENTITY_SECRET, 'replyline_identity_secret', __( 'That does not look like an identity secret (16 to 200 characters, no spaces). The stored one was kept.', 'replyline' ) );
			return self::identity_secret();
		}
		return $secret;
	}

	/**
	 * Keeps 'all' or 'chosen'.
	 *
	 * @param mixed $value Submitted value.
	 * @return string
	 */
	public static function sanitize_placement( $value ) {
		return 'chosen' === $value ? 'chosen' : 'all';
	}

	/**
	 * Keeps a comma-separated list of page IDs and slugs.
	 *
	 * @param mixed $value Submitted value.
	 * @return string
	 */
	public static function sanitize_chosen_pages( $value ) {
		$items = array_map( 'sanitize_title', self::split_list( (string) $value ) );
		return implode( ', ', array_filter( $items ) );
	}

	/**
	 * Splits "12, about-us ,contact" into its items.
	 *
	 * @param string $value Comma-separated list.
	 * @return string[]
	 */
	private static function split_list( $value ) {
		return array_values( array_filter( array_map( 'trim', explode( ',', $value ) ), 'strlen' ) );
	}
}
