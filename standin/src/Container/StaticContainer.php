<?php

declare(strict_types=1);

namespace Piwik\Container;

use Piwik\Log\FileLogger;
use Piwik\Log\LoggerInterface;

/** The few container entries the plugin asks for; anything else is built with `new`. */
class StaticContainer
{
    /** @var array<string, object> */
    private static $entries = [];

    public static function get($name)
    {
        if (!isset(self::$entries[$name])) {
            self::$entries[$name] = $name === LoggerInterface::class ? new FileLogger() : new $name();
        }
        return self::$entries[$name];
    }
}
