<?php
/**
 * Removes everything the plugin stored when it is deleted from the Plugins screen.
 *
 * @package Replyline
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/includes/class-replyline-options.php';

foreach ( Replyline_Options::all_names() as $replyline_option ) {
	delete_option( $replyline_option );
	delete_site_option( $replyline_option );
}
