<?php
/**
 * Identity tokens: HS256 JSON Web Tokens signed with the workspace's identity secret, the
 * scheme the Replyline API verifies (see the identity guide in the product docs).
 *
 * @package Replyline
 */

defined( 'ABSPATH' ) || exit;

/**
 * Mints the short-lived token that vouches for a signed-in customer.
 */
final class Replyline_Identity_Token {

	/**
	 * How long a token is accepted. A page mints a fresh one on every load; the API refuses
	 * lifetimes over 24 hours and only checks the token when the chat starts or resumes.
	 */
	const LIFETIME_SECONDS = HOUR_IN_SECONDS;

	/**
	 * Signs the claims with HS256. `iat` and `exp` are added here so no caller can forget the
	 * expiry.
	 *
	 * @param array  $claims sub and/or email, optional name and context.
	 * @param string $secret The identity secret.
	 * @param int    $now    Seconds since 1970 (tests pass a fixed clock).
	 * @return string The compact token: header.payload.signature.
	 */
	public static function mint( array $claims, $secret, $now = null ) {
		$issued_at     = null === $now ? time() : (int) $now;
		$claims['iat'] = $issued_at;
		$claims['exp'] = $issued_at + self::LIFETIME_SECONDS;
		$header        = self::encode_part( array( 'alg' => 'HS256', 'typ' => 'JWT' ) );
		$body          = $header . '.' . self::encode_part( $claims );
		$signature     = hash_hmac( 'sha256', $body, $secret, true );
		return $body . '.' . self::base64url( $signature );
	}

	/**
	 * One JSON part of the token, base64url-encoded without padding.
	 *
	 * @param array $value Header or claims.
	 * @return string
	 */
	private static function encode_part( array $value ) {
		return self::base64url( (string) wp_json_encode( $value, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) );
	}

	/**
	 * Base64url (RFC 4648 section 5) without "=" padding, as JWTs use it.
	 *
	 * @param string $bytes Raw bytes.
	 * @return string
	 */
	private static function base64url( $bytes ) {
		// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- the token format requires it.
		return rtrim( strtr( base64_encode( $bytes ), '+/', '-_' ), '=' );
	}
}
