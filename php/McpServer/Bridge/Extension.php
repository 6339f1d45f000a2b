<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer\Bridge;

use Piwik\Piwik;

/**
 * Presence and version of the matomo_mcp PHP extension that does the MCP work.
 */
final class Extension
{
    public const NAME = 'matomo_mcp';

    /** Why the extension cannot be used, or null when it can. */
    public static function problem(string $pluginVersion): ?string
    {
        if (!extension_loaded(self::NAME) || !function_exists('matomo_mcp_handle')) {
            return Piwik::translate('McpServer_ExtensionMissing', [PHP_VERSION, PHP_SAPI]);
        }
        $extensionVersion = (string) \matomo_mcp_version();
        if (!self::compatible($extensionVersion, $pluginVersion)) {
            return Piwik::translate('McpServer_ExtensionVersionMismatch', [$extensionVersion, $pluginVersion]);
        }
        return null;
    }

    /** Same major and minor version: patch releases of either side stay interchangeable. */
    public static function compatible(string $extensionVersion, string $pluginVersion): bool
    {
        $majorMinor = static function (string $v): string {
            return implode('.', array_slice(explode('.', $v), 0, 2));
        };
        return $majorMinor($extensionVersion) === $majorMinor($pluginVersion);
    }
}
