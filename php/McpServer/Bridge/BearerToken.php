<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer\Bridge;

/**
 * Reads `Authorization: Bearer <token>` for the MCP endpoint and gives it to Matomo as a POSTed
 * token_auth, so Matomo's own token authentication (including secure-only tokens) decides.
 */
final class BearerToken
{
    /** @var bool */
    private static $tokenInBody = false;

    /** Whether the request's own body carried a token_auth (refused by the endpoint). */
    public static function tokenInBody(): bool
    {
        return self::$tokenInBody;
    }

    /**
     * Web servers expose the header under different names (Apache with php-fpm often only as
     * REDIRECT_HTTP_AUTHORIZATION after a rewrite rule).
     *
     * @param array<string, mixed> $server
     */
    public static function fromServer(array $server): ?string
    {
        foreach (['HTTP_AUTHORIZATION', 'REDIRECT_HTTP_AUTHORIZATION'] as $key) {
            $value = $server[$key] ?? null;
            if (is_string($value) && preg_match('/^\s*Bearer\s+(\S+)\s*$/i', $value, $m) === 1) {
                return $m[1];
            }
        }
        return null;
    }

    /**
     * A token_auth already present in the query or the body wins (Matomo decides what to do with it).
     *
     * @param array<string, mixed> $server
     * @param array<string, mixed> $get
     * @param array<string, mixed> $post
     */
    public static function injectIntoPost(array $server, array $get, array &$post): bool
    {
        self::$tokenInBody = isset($post['token_auth']) && (string) $post['token_auth'] !== '';
        if (isset($get['token_auth']) || isset($post['token_auth'])) {
            return false;
        }
        $token = self::fromServer($server);
        if ($token === null) {
            return false;
        }
        $post['token_auth'] = $token;
        return true;
    }
}
