<?php

declare(strict_types=1);

namespace Piwik;

/** Base class of plugins: events, install/uninstall, version from plugin.json. */
class Plugin
{
    /** @var string */
    private $pluginName;
    /** @var string */
    private $directory;

    public function __construct($pluginName = false, string $directory = '')
    {
        $this->pluginName = $pluginName ?: (explode('\\', static::class)[2] ?? '');
        $this->directory = $directory;
    }

    public function registerEvents()
    {
        return [];
    }

    public function install()
    {
    }

    public function uninstall()
    {
    }

    public function activate()
    {
    }

    public function deactivate()
    {
    }

    final public function getPluginName()
    {
        return $this->pluginName;
    }

    final public function getVersion()
    {
        $json = json_decode((string) @file_get_contents($this->directory . '/plugin.json'), true);
        return (string) ($json['version'] ?? Version::VERSION);
    }
}
