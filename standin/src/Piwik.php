<?php

declare(strict_types=1);

namespace Piwik;

/** Matomo's static helpers for access checks, events and translations. */
class Piwik
{
    /** @var array<string, list<callable>> */
    private static $observers = [];
    /** @var array<string, string>|null */
    private static $translations;

    public static function getCurrentUserLogin()
    {
        return Access::getInstance()->getLogin() ?: 'anonymous';
    }

    public static function isUserIsAnonymous()
    {
        return !self::hasUserSuperUserAccess() && strtolower(self::getCurrentUserLogin()) === 'anonymous';
    }

    public static function hasUserSuperUserAccess()
    {
        return Access::getInstance()->hasSuperUserAccess();
    }

    public static function isUserHasSomeViewAccess()
    {
        return Access::getInstance()->getSitesIdWithAtLeast('view') !== [];
    }

    public static function isUserHasSomeWriteAccess()
    {
        return Access::getInstance()->getSitesIdWithAtLeast('write') !== [];
    }

    public static function isUserHasSomeAdminAccess()
    {
        return Access::getInstance()->getSitesIdWithAtLeast('admin') !== [];
    }

    public static function checkUserHasViewAccess($idSites)
    {
        $allowed = Access::getInstance()->getSitesIdWithAtLeast('view');
        foreach ((array) $idSites as $idSite) {
            if (!in_array((int) $idSite, $allowed, true)) {
                throw new NoAccessException(sprintf("You can't access this resource as it requires 'view' access for the website id = %d.", (int) $idSite));
            }
        }
    }

    public static function checkUserIsNotAnonymous()
    {
        if (self::isUserIsAnonymous()) {
            throw new NoAccessException('You must be logged in to access this functionality.');
        }
    }

    public static function checkUserHasSomeViewAccess()
    {
        if (!self::isUserHasSomeViewAccess()) {
            throw new NoAccessException("You can't access this resource as it requires view access for at least one website.");
        }
    }

    public static function addAction($eventName, callable $callback)
    {
        self::$observers[$eventName][] = $callback;
    }

    public static function postEvent($eventName, $params = [], $pending = false, $plugins = null)
    {
        foreach (self::$observers[$eventName] ?? [] as $callback) {
            $callback(...$params);
        }
    }

    public static function translate($translationId, $args = [])
    {
        if (self::$translations === null) {
            $json = json_decode((string) @file_get_contents(STANDIN_PLUGIN_DIR . '/lang/en.json'), true);
            self::$translations = [];
            foreach ((array) $json as $plugin => $strings) {
                foreach ((array) $strings as $key => $text) {
                    self::$translations[$plugin . '_' . $key] = $text;
                }
            }
        }
        $text = self::$translations[$translationId] ?? $translationId;
        return $args === [] ? $text : vsprintf($text, (array) $args);
    }
}
