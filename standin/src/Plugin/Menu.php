<?php

declare(strict_types=1);

namespace Piwik\Plugin;

use Piwik\Menu\MenuAdmin;

class Menu
{
    /** @var string */
    private $module;

    public function __construct(string $module = '')
    {
        $this->module = $module ?: (explode('\\', static::class)[2] ?? '');
    }

    public function configureAdminMenu(MenuAdmin $menu)
    {
    }

    protected function urlForAction($controllerAction, $additionalParams = [])
    {
        return (array) $additionalParams + ['module' => $this->module, 'action' => $controllerAction];
    }
}
