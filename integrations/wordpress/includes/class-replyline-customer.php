<?php
/**
 * What the chat may know about the signed-in customer: who they are and, when WooCommerce
 * runs, their cart and recent orders. Everything here goes into the signed token, so the
 * assistant can trust it and the API can pick the greeting for the customer's type.
 *
 * @package Replyline
 */

defined( 'ABSPATH' ) || exit;

/**
 * Builds the identity token's claims for a WordPress user.
 */
final class Replyline_Customer {

	/** The API accepts up to 50 order ids; the greeting rules count them (new / returning / VIP). */
	const MAX_ORDER_IDS = 50;

	/** Cart lines sent; a token may be at most 4096 characters, so the cart stays short. */
	const MAX_CART_LINES = 10;

	/** The API's limit for names and other short texts. */
	const MAX_TEXT = 200;

	/**
	 * Claims for the user: sub (the user id), email, name and context.
	 *
	 * @param WP_User $user The signed-in user.
	 * @param string  $page The address of the page being viewed.
	 * @return array
	 */
	public static function claims( WP_User $user, $page ) {
		$claims = array( 'sub' => (string) $user->ID );
		if ( is_email( $user->user_email ) ) {
			$claims['email'] = $user->user_email;
		}
		$name = self::short( $user->display_name );
		if ( '' !== $name ) {
			$claims['name'] = $name;
		}
		$context = array( 'page' => substr( $page, 0, 2000 ) );
		if ( self::woocommerce_active() ) {
			$context['orderIds'] = self::recent_order_ids( $user->ID );
			$cart                = self::cart();
			if ( null !== $cart ) {
				$context['cart'] = $cart;
			}
		}
		$claims['context'] = $context;

		/**
		 * Filters the claims before they are signed (add a plan, trim the cart, …).
		 *
		 * @param array   $claims sub, email, name and context (plan, orderIds, cart, page).
		 * @param WP_User $user   The signed-in user.
		 */
		return apply_filters( 'replyline_identity_claims', $claims, $user );
	}

	/**
	 * WooCommerce is loaded (its main class and the WC() accessor exist).
	 *
	 * @return bool
	 */
	public static function woocommerce_active() {
		return class_exists( 'WooCommerce' ) && function_exists( 'WC' ) && function_exists( 'wc_get_orders' );
	}

	/**
	 * The customer's most recent orders, newest first, as strings.
	 *
	 * @param int $user_id WordPress user id (WooCommerce's customer id).
	 * @return string[]
	 */
	private static function recent_order_ids( $user_id ) {
		$ids = wc_get_orders(
			array(
				'customer_id' => $user_id,
				'limit'       => self::MAX_ORDER_IDS,
				'orderby'     => 'date',
				'order'       => 'DESC',
				'return'      => 'ids',
			)
		);
		return array_map( 'strval', is_array( $ids ) ? array_slice( $ids, 0, self::MAX_ORDER_IDS ) : array() );
	}

	/**
	 * The cart's lines (name and quantity), item count and total; null when there is no cart
	 * (WooCommerce loads it only on front-end requests).
	 *
	 * @return array|null
	 */
	private static function cart() {
		$cart = WC()->cart;
		if ( ! $cart ) {
			return null;
		}
		$lines = array();
		foreach ( array_slice( $cart->get_cart(), 0, self::MAX_CART_LINES ) as $item ) {
			$product = isset( $item['data'] ) ? $item['data'] : null;
			$lines[] = array(
				'name'     => self::short( $product ? $product->get_name() : '' ),
				'quantity' => (int) $item['quantity'],
			);
		}
		return array(
			'items' => $lines,
			'count' => (int) $cart->get_cart_contents_count(),
			'total' => (string) $cart->get_total( 'edit' ),
		);
	}

	/**
	 * Trims a text to the API's limit for short texts.
	 *
	 * @param string $text Any text.
	 * @return string
	 */
	private static function short( $text ) {
		return mb_substr( trim( wp_strip_all_tags( (string) $text ) ), 0, self::MAX_TEXT );
	}
}
