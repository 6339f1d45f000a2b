<?php

declare(strict_types=1);

namespace Piwik\Plugins\UsersManager;

use Piwik\Fixtures\Fixtures;
use Piwik\NoAccessException;
use Piwik\Piwik;

/** UsersManager API of the stand-in (a few methods, for the raw API tools). */
class API extends \Piwik\Plugin\API
{
    /** Admin access to at least one site is needed, as in Matomo. */
    public function getUsersPlusRole($idSite, $limit = null, $offset = 0, $filter_search = null)
    {
        if (!Piwik::isUserHasSomeAdminAccess()) {
            throw new NoAccessException("You can't access this resource as it requires admin access for at least one website.");
        }
        return Fixtures::response('33-superuser-UsersManager_getUsersPlusRole.json');
    }

    public function deleteUser($userLogin)
    {
        if (!Piwik::hasUserSuperUserAccess()) {
            throw new NoAccessException("You can't access this resource as it requires 'superuser' access.");
        }
        throw new \Exception("The user '$userLogin' does not exist.");
    }

    /**
     * @internal
     */
    public function getTokenDetails($token)
    {
        return [];
    }

    /**
     * @deprecated since 5.0, use getUsersPlusRole
     */
    public function getUsers($userLogins = '')
    {
        return [];
    }
}
