<?php
/**
 * Settings > Replyline Chat: API URL, publishable key, identity secret and where the chat shows.
 * Saved through WordPress's Settings API (options.php checks the nonce and the capability).
 *
 * @package Replyline
 */

defined( 'ABSPATH' ) || exit;

/**
 * The admin settings screen.
 */
final class Replyline_Settings_Page {

	const SLUG  = 'replyline';
	const GROUP = 'replyline';

	/**
	 * Hooks the page and its settings.
	 */
	public static function register() {
		add_action( 'admin_menu', array( __CLASS__, 'add_page' ) );
		add_action( 'admin_init', array( __CLASS__, 'register_settings' ) );
		add_filter( 'plugin_action_links_' . plugin_basename( REPLYLINE_PLUGIN_FILE ), array( __CLASS__, 'action_links' ) );
	}

	/**
	 * Adds Settings > Replyline Chat for administrators.
	 */
	public static function add_page() {
		add_options_page(
			__( 'Replyline Chat', 'replyline' ),
			__( 'Replyline Chat', 'replyline' ),
			'manage_options',
			self::SLUG,
			array( __CLASS__, 'render' )
		);
	}

	/**
	 * A "Settings" link on the Plugins screen.
	 *
	 * @param string[] $links Existing links.
	 * @return string[]
	 */
	public static function action_links( $links ) {
		$url = admin_url( 'options-general.php?page=' . self::SLUG );
		array_unshift( $links, '<a href="' . esc_url( $url ) . '">' . esc_html__( 'Settings', 'replyline' ) . '</a>' );
		return $links;
	}

	/**
	 * Registers each option with its validation, and the form's fields.
	 */
	public static function register_settings() {
		$options = array(
			Replyline_Options::API_URL         => 'sanitize_api_url',
			Replyline_Options::PUBLISHABLE_KEY => 'sanitize_publishable_key',
			Replyline_Options::IDENTITY_SECRET => 'sanitize_identity_secret',
			Replyline_Options::PLACEMENT       => 'sanitize_placement',
			Replyline_Options::CHOSEN_PAGES    => 'sanitize_chosen_pages',
		);
		foreach ( $options as $name => $sanitize ) {
			register_setting(
				self::GROUP,
				$name,
				array(
					'type'              => 'string',
					'sanitize_callback' => array( 'Replyline_Options', $sanitize ),
					'show_in_rest'      => false,
				)
			);
		}
		add_settings_section( 'replyline_connection', __( 'Connection', 'replyline' ), array( __CLASS__, 'connection_intro' ), self::SLUG );
		add_settings_field( Replyline_Options::API_URL, __( 'API URL', 'replyline' ), array( __CLASS__, 'api_url_field' ), self::SLUG, 'replyline_connection', array( 'label_for' => Replyline_Options::API_URL ) );
		add_settings_field( Replyline_Options::PUBLISHABLE_KEY, __( 'Publishable key', 'replyline' ), array( __CLASS__, 'publishable_key_field' ), self::SLUG, 'replyline_connection', array( 'label_for' => Replyline_Options::PUBLISHABLE_KEY ) );
		add_settings_field( Replyline_Options::IDENTITY_SECRET, __( 'Identity secret', 'replyline' ), array( __CLASS__, 'identity_secret_field' ), self::SLUG, 'replyline_connection', array( 'label_for' => Replyline_Options::IDENTITY_SECRET ) );
		add_settings_section( 'replyline_placement', __( 'Where the chat shows', 'replyline' ), '__return_false', self::SLUG );
		add_settings_field( Replyline_Options::PLACEMENT, __( 'Pages', 'replyline' ), array( __CLASS__, 'placement_field' ), self::SLUG, 'replyline_placement' );
	}

	/**
	 * Where to find the values.
	 */
	public static function connection_intro() {
		echo '<p>' . esc_html__( 'Copy these from Widget settings in your Replyline dashboard. Add this site\'s address to the widget\'s allowed websites there.', 'replyline' ) . '</p>';
	}

	/**
	 * The API URL field.
	 */
	public static function api_url_field() {
		printf(
			'<input type="url" class="regular-text code" id="%1$s" name="%1$s" value="%2$s" placeholder="https://api.replyline.app" />',
			esc_attr( Replyline_Options::API_URL ),
			esc_attr( Replyline_Options::api_url() )
		);
	}

	/**
	 * The publishable key field.
	 */
	public static function publishable_key_field() {
		printf(
			'<input type="text" class="regular-text code" id="%1$s" name="%1$s" value="%2$s" placeholder="pk_…" autocomplete="off" />',
			esc_attr( Replyline_Options::PUBLISHABLE_KEY ),
			esc_attr( Replyline_Options::publishable_key() )
		);
	}

	/**
	 * The identity secret: never printed back. The page says whether one is stored; typing a
	 * new one replaces it, leaving the field empty keeps it.
	 */
	public static function identity_secret_field() {
		$set = Replyline_Options::has_identity_secret();
		printf(
			'<input type="password" class="regular-text code" id="%1$s" name="%1$s" value="" autocomplete="new-password" placeholder="%2$s" />',
			esc_attr( Replyline_Options::IDENTITY_SECRET ),
			esc_attr( $set ? __( 'Set — type a new secret to replace it', 'replyline' ) : 'is_…' )
		);
		echo '<p class="description" id="replyline-identity-secret-status">';
		if ( $set ) {
			esc_html_e( 'Status: set. Signed-in customers are recognised in the chat.', 'replyline' );
		} else {
			esc_html_e( 'Status: not set. Everyone chats as an anonymous visitor until you add it.', 'replyline' );
		}
		echo ' ' . esc_html__( 'Create it under Widget settings > Identity verification. It stays on this server and is never shown again here.', 'replyline' ) . '</p>';
	}

	/**
	 * Every page, or only the chosen ones.
	 */
	public static function placement_field() {
		$placement = Replyline_Options::placement();
		$choices   = array(
			'all'    => __( 'Every page of the site', 'replyline' ),
			'chosen' => __( 'Only these pages and posts:', 'replyline' ),
		);
		echo '<fieldset>';
		foreach ( $choices as $value => $label ) {
			printf(
				'<label><input type="radio" name="%1$s" value="%2$s" %3$s /> %4$s</label><br />',
				esc_attr( Replyline_Options::PLACEMENT ),
				esc_attr( $value ),
				checked( $placement, $value, false ),
				esc_html( $label )
			);
		}
		printf(
			'<input type="text" class="regular-text" name="%1$s" value="%2$s" aria-label="%3$s" placeholder="12, contact, shipping" />',
			esc_attr( Replyline_Options::CHOSEN_PAGES ),
			esc_attr( implode( ', ', Replyline_Options::chosen_pages() ) ),
			esc_attr__( 'Page or post IDs and slugs, separated by commas', 'replyline' )
		);
		echo '<p class="description">' . esc_html__( 'Page or post IDs and slugs, separated by commas.', 'replyline' ) . '</p></fieldset>';
	}

	/**
	 * The page itself; settings_fields() prints the nonce options.php checks.
	 */
	public static function render() {
		if ( ! current_user_can( 'manage_options' ) ) {
			wp_die( esc_html__( 'You do not have permission to change the chat settings.', 'replyline' ), 403 );
		}
		echo '<div class="wrap"><h1>' . esc_html( get_admin_page_title() ) . '</h1>';
		// Saved / error notices come from options-head.php, which every Settings screen includes.
		echo '<form action="' . esc_url( admin_url( 'options.php' ) ) . '" method="post">';
		settings_fields( self::GROUP );
		do_settings_sections( self::SLUG );
		submit_button( __( 'Save settings', 'replyline' ) );
		echo '</form></div>';
	}
}
