<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer\Bridge;

use Piwik\Piwik;

/**
 * Presence of the matomo_mcp PHP extension that does the MCP work; whether its version fits the
 * plugin is the extension's own answer.
 */
final class Extension
{
    /** Why the extension is not there for this PHP, or null when it is. */
    public static function missing(): ?string
    {
        if (function_exists('matomo_mcp_handle') && function_exists('matomo_mcp_version_problem')) {
            return null;
        }
        return Piwik::translate('McpServer_ExtensionMissing', [PHP_VERSION, PHP_SAPI]);
    }

    /** Why the extension cannot serve this plugin version, or null when it can. */
    public static function problem(string $pluginVersion): ?string
    {
        return self::missing() ?? \matomo_mcp_version_problem($pluginVersion);
    }
}
