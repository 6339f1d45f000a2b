<?php

declare(strict_types=1);

namespace Piwik;

/**
 * The slice of Matomo's Date the plugin uses, with Matomo 5.1's semantics: factory('now', $tz)
 * is the site's local wall clock, while factory('today', $tz) and factory('yesterday', $tz)
 * take UTC midnight first and then move it by the zone's offset (a day early west of UTC).
 */
class Date
{
    /** @var \DateTimeImmutable */
    private $moment;

    private function __construct(\DateTimeImmutable $moment)
    {
        $this->moment = $moment;
    }

    /** Matomo timezones are IANA names or "UTC", "UTC+5.5", "UTC-3". */
    public static function factory($dateString, $timezone = null)
    {
        $utc = new \DateTimeZone('UTC');
        $now = new \DateTimeImmutable(getenv('MCP_STANDIN_TODAY') ?: 'now', $utc);
        if ($dateString === 'now') {
            $moment = $now;
        } elseif ($dateString === 'today' || $dateString === 'yesterday') {
            $moment = $now->setTime(0, 0)->modify($dateString === 'yesterday' ? '-1 day' : '+0 day');
        } else {
            $moment = new \DateTimeImmutable((string) $dateString, $utc);
        }
        if (is_string($timezone) && $timezone !== '' && $timezone !== 'UTC') {
            $offset = self::offsetSeconds($timezone, $moment);
            $moment = $moment->modify(sprintf('%+d seconds', $offset));
        }
        return new self($moment);
    }

    private static function offsetSeconds(string $timezone, \DateTimeImmutable $at): int
    {
        if (preg_match('/^UTC([+-])(\d+(?:\.\d+)?)$/', $timezone, $m)) {
            $minutes = (int) round((float) $m[2] * 60);
            return ($m[1] === '-' ? -60 : 60) * $minutes;
        }
        return (new \DateTimeZone($timezone))->getOffset($at);
    }

    public function toString($format = 'Y-m-d')
    {
        return $this->moment->format($format);
    }
}
