<?php

declare(strict_types=1);

namespace Piwik\Plugin;

use Piwik\Config;
use Piwik\Exception\PluginDeactivatedException;
use Piwik\Piwik;
use Piwik\Plugin;

/**
 * Loads the activated plugins (config [Plugins] Plugins[]) and registers their events. API and
 * SitesManager are core plugins and always active.
 */
class Manager
{
    private const ALWAYS_ACTIVE = ['API', 'SitesManager', 'UsersManager', 'Live'];

    /** @var self|null */
    private static $instance;
    /** @var array<string, Plugin> */
    private $loaded = [];

    public static function getInstance(): self
    {
        return self::$instance ??= new self();
    }

    public static function getPluginDirectory($pluginName)
    {
        return $pluginName === 'McpServer' ? STANDIN_PLUGIN_DIR : STANDIN_ROOT . '/plugins/' . $pluginName;
    }

    /** @return string[] */
    public function getActivatedPluginNames(): array
    {
        $configured = Config::getInstance()->Plugins['Plugins'] ?? [];
        return array_values(array_unique(array_merge(self::ALWAYS_ACTIVE, (array) $configured)));
    }

    public function loadActivatedPlugins(): void
    {
        foreach ($this->getActivatedPluginNames() as $name) {
            $this->loadPlugin($name);
        }
    }

    public function loadPlugin(string $name): Plugin
    {
        if (isset($this->loaded[$name])) {
            return $this->loaded[$name];
        }
        $class = "Piwik\\Plugins\\$name\\$name";
        $plugin = class_exists($class) && is_subclass_of($class, Plugin::class) ? new $class($name, self::getPluginDirectory($name)) : new Plugin($name, self::getPluginDirectory($name));
        foreach ($plugin->registerEvents() as $event => $method) {
            Piwik::addAction($event, [$plugin, is_array($method) ? $method['function'] : $method]);
        }
        return $this->loaded[$name] = $plugin;
    }

    /** @return string[] */
    public function getLoadedPluginsName()
    {
        return array_keys($this->loaded);
    }

    public function isPluginActivated($name)
    {
        return in_array($name, $this->getActivatedPluginNames(), true);
    }

    public function checkIsPluginActivated($name)
    {
        if (!$this->isPluginActivated($name)) {
            throw new PluginDeactivatedException($name);
        }
    }

    public function getLoadedPlugin($name)
    {
        if (!isset($this->loaded[$name])) {
            throw new \Exception("The plugin '$name' has not been loaded.");
        }
        return $this->loaded[$name];
    }

    /** @return list<class-string> classes of `Renderer/*.php` in activated plugins, as Matomo finds components */
    public function findRendererClasses(): array
    {
        $classes = [];
        foreach ($this->getActivatedPluginNames() as $name) {
            foreach (glob(self::getPluginDirectory($name) . '/Renderer/*.php') ?: [] as $file) {
                $classes[] = "Piwik\\Plugins\\$name\\Renderer\\" . basename($file, '.php');
            }
        }
        return $classes;
    }
}
