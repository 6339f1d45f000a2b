<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer\Diagnostic;

use Piwik\Option;
use Piwik\Plugins\McpServer\Bridge\BearerToken;

/**
 * Remembers when MCP requests last arrived with and without an Authorization header, so the
 * system check can tell an administrator that the web server drops the header (Apache with
 * php-fpm often does). Writes at most once an hour per state; reads are autoloaded options.
 */
final class AuthorizationHeaderWatch
{
    public const WITH_HEADER = 'McpServer_authHeaderSeenAt';
    public const WITHOUT_HEADER = 'McpServer_authHeaderMissingAt';
    private const WRITE_EVERY_SECONDS = 3600;

    /** @param array<string, mixed> $server */
    public static function observe(array $server, int $now): void
    {
        $name = BearerToken::fromServer($server) !== null ? self::WITH_HEADER : self::WITHOUT_HEADER;
        try {
            $last = (int) Option::get($name);
            if ($now - $last >= self::WRITE_EVERY_SECONDS) {
                Option::set($name, (string) $now, 1);
            }
        } catch (\Throwable $e) {
            // an observation must never fail a request
        }
    }

    public static function forget(): void
    {
        Option::delete(self::WITH_HEADER);
        Option::delete(self::WITHOUT_HEADER);
    }

    /** @return array{with: int, without: int} Unix times, 0 when never seen */
    public static function lastSeen(): array
    {
        return ['with' => (int) Option::get(self::WITH_HEADER), 'without' => (int) Option::get(self::WITHOUT_HEADER)];
    }
}
