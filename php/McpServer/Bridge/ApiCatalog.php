<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer\Bridge;

use Piwik\API\NoDefaultValue;
use Piwik\API\Proxy;
use Piwik\API\Request;
use Piwik\Plugin\Manager as PluginManager;

/**
 * Matomo's API methods as the raw API tools describe them: loaded the way the API reference page
 * loads them, with the deprecated/internal flags the extension filters on.
 */
final class ApiCatalog
{
    /**
     * Every API method of the loaded plugins, from Matomo's own API metadata (what the API
     * reference page shows), with the flags the extension filters on.
     *
     * @return list<array<string, mixed>>
     */
    public static function collect(): array
    {
        $proxy = Proxy::getInstance();
        foreach (PluginManager::getInstance()->getLoadedPluginsName() as $plugin) {
            $class = Request::getClassNameAPI($plugin);
            if (class_exists($class)) {
                try {
                    $proxy->registerClass($class);
                } catch (\Throwable $e) {
                    // a plugin without a usable API class simply offers no methods
                }
            }
        }
        $methods = [];
        foreach ($proxy->getMetadata() as $class => $info) {
            $classInternal = self::isInternal((new \ReflectionClass($class))->getDocComment());
            foreach ($info as $action => $meta) {
                if ($action === '__documentation' || !is_array($meta) || !isset($meta['parameters'])) {
                    continue;
                }
                $doc = method_exists($class, $action)
                    ? (new \ReflectionMethod($class, $action))->getDocComment()
                    : false;
                $methods[] = [
                    'module' => $proxy->getModuleNameFromClassName($class),
                    'action' => (string) $action,
                    'parameters' => self::parameters($meta['parameters']),
                    'deprecated' => (bool) ($meta['isDeprecated'] ?? false),
                    'internal' => $classInternal || self::isInternal($doc),
                ];
            }
        }
        return $methods;
    }

    /** @param string|false $docComment */
    private static function isInternal($docComment): bool
    {
        return is_string($docComment) && strpos($docComment, '@internal') !== false;
    }

    /**
     * @param array<string, array{default: mixed, type?: string|null, allowsNull?: bool}> $parameters
     * @return list<array<string, mixed>>
     */
    private static function parameters(array $parameters): array
    {
        $out = [];
        foreach ($parameters as $name => $p) {
            $hasDefault = !($p['default'] instanceof NoDefaultValue);
            $out[] = [
                'name' => (string) $name,
                'type' => $p['type'] ?? null,
                'required' => !$hasDefault,
                'allowsNull' => (bool) ($p['allowsNull'] ?? false),
                'hasDefault' => $hasDefault,
                'defaultValue' => $hasDefault && !is_object($p['default']) ? $p['default'] : null,
            ];
        }
        return $out;
    }
}
