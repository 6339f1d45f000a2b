<?php

/**
 * Matomo stand-in bootstrap: class autoloading and the data directory.
 *
 * Piwik\Plugins\McpServer\* comes from the real plugin (MCP_PLUGIN_DIR or ../php/McpServer),
 * other Piwik\Plugins\<P>\* from standin/plugins/<P>, everything else in Piwik\* from standin/src.
 */

declare(strict_types=1);

define('STANDIN_ROOT', __DIR__);
define('STANDIN_PLUGIN_DIR', rtrim((string) (getenv('MCP_PLUGIN_DIR') ?: dirname(__DIR__) . '/php/McpServer'), '/'));
define('STANDIN_DATA', rtrim((string) (getenv('MCP_STANDIN_DATA') ?: __DIR__ . '/var'), '/'));

spl_autoload_register(static function (string $class): void {
    if (strpos($class, 'Piwik\\') !== 0) {
        return;
    }
    $parts = explode('\\', $class);
    if ($parts[1] === 'Plugins' && isset($parts[2])) {
        $base = $parts[2] === 'McpServer' ? STANDIN_PLUGIN_DIR : STANDIN_ROOT . '/plugins/' . $parts[2];
        $file = $base . '/' . implode('/', array_slice($parts, 3)) . '.php';
    } else {
        $file = STANDIN_ROOT . '/src/' . implode('/', array_slice($parts, 1)) . '.php';
    }
    if (is_file($file)) {
        require_once $file;
    }
});
