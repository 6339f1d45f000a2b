<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer;

use Piwik\Menu\MenuAdmin;
use Piwik\Piwik;

class Menu extends \Piwik\Plugin\Menu
{
    /** Any logged-in user who can see a site may connect an assistant with their own token. */
    public function configureAdminMenu(MenuAdmin $menu)
    {
        if (!Piwik::isUserIsAnonymous() && Piwik::isUserHasSomeViewAccess()) {
            $menu->addPlatformItem(Piwik::translate('McpServer_MenuTitle'), $this->urlForAction('connect'), 42);
        }
    }
}
