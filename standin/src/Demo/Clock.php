<?php

declare(strict_types=1);

namespace Piwik\Demo;

use Piwik\Date;

/** The sites' clocks, as Matomo reads them (Piwik\Date: MCP_STANDIN_TODAY pins "now"). */
final class Clock
{
    public static function timezone(int $idSite): string
    {
        return (string) (Installation::site($idSite)['timezone'] ?? 'UTC');
    }

    /** The site's local date: Date::factory('now', $tz). */
    public static function today(int $idSite): string
    {
        return Date::factory('now', self::timezone($idSite))->toString();
    }

    /** Where Matomo ends a range of lastN days: Date::factory('today', $tz). */
    public static function rangeEnd(int $idSite): string
    {
        return Date::factory('today', self::timezone($idSite))->toString();
    }

    /** Seconds since the site's local midnight. */
    public static function secondOfDay(int $idSite): int
    {
        [$h, $m, $s] = array_map('intval', explode(':', Date::factory('now', self::timezone($idSite))->toString('H:i:s')));
        return $h * 3600 + $m * 60 + $s;
    }
}
