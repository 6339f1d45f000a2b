<?php

declare(strict_types=1);

namespace Piwik;

/** Who is calling and what they may see. Users and tokens are the stand-in's (see README.md). */
class Access
{
    public const USERS = [
        'viewer' => ['token' => 'a1b2c3d4e5f60718293a4b5c6d7e8f90', 'superuser' => false, 'sites' => [1 => 'view', 2 => 'view']],
        'writer' => ['token' => '7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e', 'superuser' => false, 'sites' => [2 => 'write']],
        'siteadmin' => ['token' => 'adadadadadadadadadadadadadadadad', 'superuser' => false, 'sites' => [1 => 'admin']],
        'superuser' => ['token' => '5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e', 'superuser' => true, 'sites' => []],
        'nobody' => ['token' => '0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b', 'superuser' => false, 'sites' => []],
    ];
    public const ALL_SITES = [1, 2, 3];
    private const RANK = ['view' => 1, 'write' => 2, 'admin' => 3];

    /** @var self|null */
    private static $instance;
    /** @var string */
    private $login = '';
    /** @var string */
    private $tokenAuth = '';

    public static function getInstance(): self
    {
        return self::$instance ??= new self();
    }

    /** Token authentication as Matomo's Login plugin does it; false when the token is unknown. */
    public function authenticateWithToken(string $token): bool
    {
        foreach (self::USERS as $login => $user) {
            if ($token !== '' && hash_equals($user['token'], $token)) {
                $this->login = $login;
                $this->tokenAuth = $token;
                return true;
            }
        }
        $this->login = '';
        $this->tokenAuth = '';
        return false;
    }

    public function getLogin()
    {
        return $this->login;
    }

    public function getTokenAuth()
    {
        return $this->tokenAuth;
    }

    public function hasSuperUserAccess()
    {
        return $this->login !== '' && self::USERS[$this->login]['superuser'];
    }

    /** @return int[] */
    public function getSitesIdWithAtLeast(string $level): array
    {
        if ($this->hasSuperUserAccess()) {
            return self::ALL_SITES;
        }
        $sites = self::USERS[$this->login]['sites'] ?? [];
        return array_keys(array_filter($sites, static function ($access) use ($level) {
            return self::RANK[$access] >= self::RANK[$level];
        }));
    }

    public function getSitesIdWithAtLeastViewAccess()
    {
        return $this->getSitesIdWithAtLeast('view');
    }
}
