<?php

declare(strict_types=1);

namespace Piwik;

class SettingsPiwik
{
    /** The URL this Matomo is reached at, with a trailing slash. */
    public static function getPiwikUrl()
    {
        $scheme = (!empty($_SERVER['HTTPS']) && $_SERVER['HTTPS'] !== 'off') ? 'https' : 'http';
        return $scheme . '://' . ($_SERVER['HTTP_HOST'] ?? 'localhost') . '/';
    }
}
