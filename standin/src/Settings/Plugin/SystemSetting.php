<?php

declare(strict_types=1);

namespace Piwik\Settings\Plugin;

use Piwik\Common;
use Piwik\Config;
use Piwik\Db;
use Piwik\Settings\FieldConfig;

/** One system setting: config override first, then the stored value, then the default. */
class SystemSetting
{
    /** @var string */
    private $name;
    private $defaultValue;
    /** @var string */
    private $type;
    /** @var string */
    private $pluginName;
    /** @var FieldConfig */
    private $config;

    public function __construct(string $name, $defaultValue, string $type, string $pluginName, FieldConfig $config)
    {
        $this->name = $name;
        $this->defaultValue = $defaultValue;
        $this->type = $type;
        $this->pluginName = $pluginName;
        $this->config = $config;
    }

    public function getName(): string
    {
        return $this->name;
    }

    public function configureField(): FieldConfig
    {
        return $this->config;
    }

    public function getValue()
    {
        $section = Config::getInstance()->{$this->pluginName};
        if (is_array($section) && array_key_exists($this->name, $section)) {
            $value = $section[$this->name];
        } else {
            $value = Db::fetchOne(
                'SELECT setting_value FROM ' . Common::prefixTable('plugin_setting') . ' WHERE plugin_name = ? AND setting_name = ?',
                [$this->pluginName, $this->name]
            );
            if ($value === false) {
                return $this->defaultValue;
            }
        }
        settype($value, $this->type);
        return $value;
    }

    public function setValue($value): void
    {
        if ($this->config->availableValues !== null && !array_key_exists((string) $value, $this->config->availableValues)) {
            throw new \Exception("Value for setting {$this->name} is not allowed.");
        }
        $table = Common::prefixTable('plugin_setting');
        Db::query("DELETE FROM $table WHERE plugin_name = ? AND setting_name = ?", [$this->pluginName, $this->name]);
        Db::query("INSERT INTO $table (plugin_name, setting_name, setting_value) VALUES (?, ?, ?)", [$this->pluginName, $this->name, (string) $value]);
    }
}
