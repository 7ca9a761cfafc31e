<?php
/**
 * Plugin Name: WooCommerce stand-in (tests only)
 * Description: WooCommerce cannot be installed on the test machines. This defines the parts of
 * its documented API the Replyline plugin uses (the WooCommerce class, WC()->cart with
 * get_cart(), get_cart_contents_count() and get_total(), products' get_name(), and
 * wc_get_orders() with customer_id / limit / orderby / order / return => 'ids'), with the same
 * shapes, over fixed data per user login.
 *
 * @package Replyline
 */

/** Orders per customer login, newest first. */
const REPLYLINE_STAND_IN_ORDERS = array(
	'kari' => array( 1107, 1096, 1080, 1051, 1032, 1004 ),
	'ola'  => array(),
);

/** WooCommerce's main class; the plugin checks that it exists. */
final class WooCommerce {
	/** The session's cart (WC_Cart); null outside front-end requests. @var object|null */
	public $cart = null;
}

/** A product in a cart line (WC_Product's get_name()). */
final class Replyline_Stand_In_Product {
	private $name;
	public function __construct( $name ) {
		$this->name = $name;
	}
	public function get_name() {
		return $this->name;
	}
}

/** WC_Cart's read methods the plugin calls. */
final class Replyline_Stand_In_Cart {
	private $lines;
	public function __construct( array $lines ) {
		$this->lines = $lines;
	}
	/** Cart lines keyed by cart item key, each with product_id, quantity, line_total and data (the product). */
	public function get_cart() {
		return $this->lines;
	}
	public function get_cart_contents_count() {
		return array_sum( array_column( $this->lines, 'quantity' ) );
	}
	/** 'edit' gives the raw number as WooCommerce stores it; 'view' a formatted price. */
	public function get_total( $context = 'view' ) {
		$total = array_sum( array_column( $this->lines, 'line_total' ) );
		return 'edit' === $context ? (string) $total : 'kr ' . number_format( $total, 2 );
	}
}

/** WooCommerce's accessor for its singleton. */
function WC() {
	static $instance = null;
	if ( null === $instance ) {
		$instance = new WooCommerce();
	}
	return $instance;
}

/**
 * wc_get_orders( $args ): order ids when 'return' => 'ids'. Refuses arguments WooCommerce
 * would not understand the way the plugin means them, so a wrong call fails the test.
 */
function wc_get_orders( $args ) {
	if ( ! is_int( $args['customer_id'] ?? null ) || 'ids' !== ( $args['return'] ?? null ) || 'DESC' !== ( $args['order'] ?? null ) ) {
		throw new InvalidArgumentException( 'wc_get_orders called with ' . wp_json_encode( $args ) );
	}
	$user = get_userdata( $args['customer_id'] );
	$ids  = $user ? ( REPLYLINE_STAND_IN_ORDERS[ $user->user_login ] ?? array() ) : array();
	return array_slice( $ids, 0, (int) ( $args['limit'] ?? 10 ) );
}

// WooCommerce loads the cart on front-end requests (wp_loaded); a signed-in customer has one.
add_action(
	'wp_loaded',
	function () {
		if ( is_admin() || ! is_user_logged_in() ) {
			return;
		}
		WC()->cart = new Replyline_Stand_In_Cart(
			array(
				'a1' => array( 'product_id' => 31, 'quantity' => 2, 'line_total' => 598.0, 'data' => new Replyline_Stand_In_Product( 'Wool socks' ) ),
				'b2' => array( 'product_id' => 7, 'quantity' => 1, 'line_total' => 2499.0, 'data' => new Replyline_Stand_In_Product( 'Two-person tent "Fjell"' ) ),
			)
		);
	}
);
