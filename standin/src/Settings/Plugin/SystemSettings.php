<?php

declare(strict_types=1);

namespace Piwik\Settings\Plugin;

use Piwik\Settings\FieldConfig;

abstract class SystemSettings
{
    /** @var string */
    protected $pluginName;
    /** @var array<string, SystemSetting> */
    private $settings = [];

    public function __construct()
    {
        $this->pluginName = explode('\\', static::class)[2] ?? '';
        $this->init();
    }

    abstract protected function init();

    protected function makeSetting($name, $defaultValue, $type, $fieldConfigCallback)
    {
        if (!preg_match('/^[a-zA-Z0-9_]+$/', $name) || isset($this->settings[$name])) {
            throw new \Exception("Invalid or duplicate setting name $name");
        }
        $config = new FieldConfig();
        if ($fieldConfigCallback) {
            $fieldConfigCallback($config);
        }
        return $this->settings[$name] = new SystemSetting($name, $defaultValue, $type, $this->pluginName, $config);
    }

    public function getSetting($name): ?SystemSetting
    {
        return $this->settings[$name] ?? null;
    }

    /** @return array<string, SystemSetting> */
    public function getSettingsWritableByCurrentUser()
    {
        return $this->settings;
    }
}
