<?php

declare(strict_types=1);

namespace Piwik\API;

use Piwik\Piwik;

/**
 * Calls a public API method, binding parameters by name (API.Request.intercept may replace the
 * call); and, like Matomo's Proxy, describes the registered API classes by reflection.
 */
class Proxy
{
    /** @var self|null */
    private static $instance;
    /** @var array<string, array<string, mixed>> */
    private $metadata = [];

    public static function getInstance(): self
    {
        return self::$instance ??= new self();
    }

    public function registerClass($className)
    {
        $class = new \ReflectionClass($className);
        foreach ($class->getMethods(\ReflectionMethod::IS_PUBLIC) as $method) {
            if ($method->isStatic() || $method->isConstructor() || $method->getName() === 'getInstance') {
                continue;
            }
            if (strpos((string) $method->getDocComment(), '@ignore') !== false) {
                continue;
            }
            $parameters = [];
            foreach ($method->getParameters() as $p) {
                $type = $p->getType();
                $parameters[$p->getName()] = [
                    'default' => $p->isDefaultValueAvailable() ? $p->getDefaultValue() : new NoDefaultValue(),
                    'type' => $type instanceof \ReflectionNamedType && $type->isBuiltin() ? $type->getName() : null,
                    'allowsNull' => $type ? $type->allowsNull() : false,
                ];
            }
            $this->metadata[$className][$method->getName()] = [
                'parameters' => $parameters,
                'isDeprecated' => strpos((string) $method->getDocComment(), '@deprecated') !== false,
            ];
        }
        $this->metadata[$className]['__documentation'] = (string) $class->getDocComment();
    }

    public function getMetadata()
    {
        ksort($this->metadata);
        return $this->metadata;
    }

    public function getModuleNameFromClassName($className)
    {
        return str_replace(['\\Piwik\\Plugins\\', '\\API'], '', $className);
    }

    public static function call(string $className, string $module, string $method, array $request)
    {
        $hasMethod = class_exists($className) && method_exists($className, $method);
        if (!$hasMethod && \Piwik\Demo\ReportApi::serves($module, $method)) {
            return \Piwik\Demo\ReportApi::call($module, $method, $request);
        }
        if (!class_exists($className)) {
            throw new \Exception("API module $module not found.");
        }
        $api = $className::getInstance();
        if (!method_exists($api, $method) || !(new \ReflectionMethod($api, $method))->isPublic() || $method === 'getInstance') {
            throw new \Exception("The method '$method' does not exist or is not available in the module '$module'.");
        }
        $args = [];
        foreach ((new \ReflectionMethod($api, $method))->getParameters() as $param) {
            if (array_key_exists($param->getName(), $request)) {
                $args[] = $request[$param->getName()];
            } elseif ($param->isDefaultValueAvailable()) {
                $args[] = $param->getDefaultValue();
            } else {
                throw new \Exception(sprintf("Please specify a value for '%s'.", $param->getName()));
            }
        }
        $returnedValue = null;
        Piwik::postEvent('API.Request.intercept', [&$returnedValue, $args, $module, $method, $request]);
        if ($returnedValue !== null) {
            return $returnedValue;
        }
        return $api->$method(...$args);
    }
}
