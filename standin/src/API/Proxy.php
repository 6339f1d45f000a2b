<?php

declare(strict_types=1);

namespace Piwik\API;

use Piwik\Piwik;

/** Calls a public API method, binding parameters by name; API.Request.intercept may replace the call. */
class Proxy
{
    public static function call(string $className, string $module, string $method, array $request)
    {
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
