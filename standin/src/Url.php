<?php

declare(strict_types=1);

namespace Piwik;

/** Host validation as Matomo 5.1 does it: local names always valid, else a suffix match including the port. */
class Url
{
    private const LOCAL_HOSTNAMES = ['localhost', '127.0.0.1', '::1', '[::1]', '[::]', '0000::1', '0177.0.0.1', '2130706433', '[0:0:0:0:0:ffff:127.0.0.1]'];

    public static function getTrustedHostsFromConfig()
    {
        $hosts = Config::getInstance()->General['trusted_hosts'] ?? [];
        $hosts = is_array($hosts) ? $hosts : [$hosts];
        return array_values(array_map(static function ($host) {
            $host = (string) $host;
            return preg_match('~^[a-z]+://~i', $host) ? (string) parse_url($host, PHP_URL_HOST) : $host;
        }, $hosts));
    }

    public static function isValidHost($host = false)
    {
        if ((string) (Config::getInstance()->General['enable_trusted_host_check'] ?? '1') === '0') {
            return true;
        }
        if ($host === false || $host === null) {
            $host = $_SERVER['HTTP_HOST'] ?? '';
            if ($host === '') {
                return true;
            }
        }
        if (in_array($host, self::LOCAL_HOSTNAMES, true)) {
            return true;
        }
        if (preg_match('/[`~!@#$%^&*()+={}\\\\|;"\'<>,?\/ ]/', $host)) {
            return false;
        }
        $trusted = self::getTrustedHostsFromConfig();
        if ($trusted === []) {
            return true;
        }
        $pattern = '/(^|.)' . implode('$|', array_map(static function ($h) {
            return preg_quote($h, '/');
        }, $trusted)) . '$/';
        return preg_match(strtolower($pattern), rtrim(strtolower($host), '.')) === 1;
    }
}
