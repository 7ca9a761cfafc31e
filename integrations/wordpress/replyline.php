<?php
/**
 * Plugin Name:       Replyline Chat
 * Plugin URI:        https://replyline.app/docs/wordpress
 * Description:       Adds the Replyline support chat to your site. Signed-in customers are recognised (name, email and, with WooCommerce, their cart and recent orders) through a signed, expiring identity token.
 * Version:           1.0.0
 * Requires at least: 6.1
 * Requires PHP:      8.1
 * Author:            Replyline
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       replyline
 *
 * @package Replyline
 */

defined( 'ABSPATH' ) || exit;

define( 'REPLYLINE_VERSION', '1.0.0' );
define( 'REPLYLINE_PLUGIN_FILE', __FILE__ );

require_once __DIR__ . '/includes/class-replyline-options.php';
require_once __DIR__ . '/includes/class-replyline-identity-token.php';
require_once __DIR__ . '/includes/class-replyline-customer.php';
require_once __DIR__ . '/includes/class-replyline-embed.php';
require_once __DIR__ . '/includes/class-replyline-settings-page.php';

Replyline_Embed::register();
if ( is_admin() ) {
	Replyline_Settings_Page::register();
}
