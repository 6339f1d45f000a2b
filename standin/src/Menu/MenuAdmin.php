<?php

declare(strict_types=1);

namespace Piwik\Menu;

use Piwik\Plugin\Manager;

/** The admin menu: categories of items added by the plugins' Menu classes. */
class MenuAdmin
{
    /** @var array<string, array<string, string>> category => name => url */
    private $items = [];

    public static function build(): array
    {
        $menu = new self();
        foreach (Manager::getInstance()->getActivatedPluginNames() as $plugin) {
            $class = "Piwik\\Plugins\\$plugin\\Menu";
            if (class_exists($class)) {
                (new $class($plugin))->configureAdminMenu($menu);
            }
        }
        return $menu->items;
    }

    private function add(string $category, $name, $url): void
    {
        $this->items[$category][(string) $name] = 'index.php?' . http_build_query((array) $url);
    }

    public function addPlatformItem($menuName, $url, $order = 50, $tooltip = false)
    {
        $this->add('Platform', $menuName, $url);
    }

    public function addSystemItem($menuName, $url, $order = 50, $tooltip = false)
    {
        $this->add('System', $menuName, $url);
    }

    public function addPersonalItem($menuName, $url, $order = 50, $tooltip = false)
    {
        $this->add('Personal', $menuName, $url);
    }
}
