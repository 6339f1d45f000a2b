<?php

declare(strict_types=1);

namespace Piwik\Plugin;

/** Base of API classes: one instance per class. */
abstract class API
{
    /** @var array<string, API> */
    private static $instances = [];

    public function __construct()
    {
    }

    public static function getInstance()
    {
        $class = static::class;
        return self::$instances[$class] ??= new $class();
    }
}
