<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer;

use Piwik\Piwik;
use Piwik\Settings\FieldConfig;
use Piwik\Settings\Plugin\SystemSetting;

/**
 * Administration -> System -> General settings -> McpServer.
 */
class SystemSettings extends \Piwik\Settings\Plugin\SystemSettings
{
    private const SHOWN_WHEN_ENABLED = 'enable_mcp';
    private const SHOWN_FOR_PARTIAL_RAW_API = 'enable_mcp && raw_api_access_scope == "partial"';

    /** @var SystemSetting */
    public $enable_mcp;
    /** @var SystemSetting */
    public $maximum_mcp_access_level;
    /** @var SystemSetting */
    public $allow_token_auth_in_url;
    /** @var SystemSetting */
    public $raw_api_access_scope;
    /** @var SystemSetting */
    public $raw_api_access_read;
    /** @var SystemSetting */
    public $raw_api_access_create;
    /** @var SystemSetting */
    public $raw_api_access_update;
    /** @var SystemSetting */
    public $raw_api_access_delete;

    protected function init()
    {
        $enableField = self::checkbox('SettingEnableTitle', 'SettingEnableDescription', null, 'SettingEnableHelp');
        $this->enable_mcp = $this->makeSetting(
            'enable_mcp',
            false,
            FieldConfig::TYPE_BOOL,
            static function (FieldConfig $field) use ($enableField): void {
                $enableField($field);
                // Matomo's guide tells administrators to copy the endpoint from beside this switch;
                // Matomo configures fields only when the settings page is drawn
                $field->inlineHelp = self::endpointInfo() . '<br><br>' . $field->inlineHelp;
            }
        );
        $this->maximum_mcp_access_level = $this->makeSetting(
            'maximum_mcp_access_level',
            'unlimited',
            FieldConfig::TYPE_STRING,
            self::select('SettingMaxAccessTitle', 'SettingMaxAccessDescription', [
                'unlimited' => 'SettingMaxAccessUnlimited',
                'view' => 'SettingMaxAccessView',
                'write' => 'SettingMaxAccessWrite',
                'admin' => 'SettingMaxAccessAdmin',
            ])
        );
        $this->allow_token_auth_in_url = $this->makeSetting(
            'allow_token_auth_in_url',
            false,
            FieldConfig::TYPE_BOOL,
            self::checkbox('SettingUrlTokenTitle', 'SettingUrlTokenDescription', self::SHOWN_WHEN_ENABLED)
        );
        $this->raw_api_access_scope = $this->makeSetting(
            'raw_api_access_scope',
            'none',
            FieldConfig::TYPE_STRING,
            self::select('SettingRawApiTitle', 'SettingRawApiDescription', [
                'none' => 'SettingRawApiNone',
                'partial' => 'SettingRawApiPartial',
                'full' => 'SettingRawApiFull',
            ])
        );
        foreach (['read', 'create', 'update', 'delete'] as $category) {
            $name = 'raw_api_access_' . $category;
            $title = 'SettingRawApi' . ucfirst($category) . 'Title';
            $this->$name = $this->makeSetting(
                $name,
                false,
                FieldConfig::TYPE_BOOL,
                self::checkbox($title, null, self::SHOWN_FOR_PARTIAL_RAW_API)
            );
        }
    }

    /** The endpoint URL of this Matomo, as an info line for the settings page. */
    private static function endpointInfo(): string
    {
        return Piwik::translate('McpServer_SettingEndpointInfo', [
            '<code>' . htmlspecialchars(Controller::endpointUrl(), ENT_QUOTES) . '</code>',
        ]);
    }

    private static function text(string $key): string
    {
        return Piwik::translate('McpServer_' . $key);
    }

    private static function checkbox(
        string $title,
        ?string $description,
        ?string $condition,
        ?string $help = null
    ): \Closure {
        return static function (FieldConfig $field) use ($title, $description, $condition, $help): void {
            $field->title = self::text($title);
            $field->uiControl = FieldConfig::UI_CONTROL_CHECKBOX;
            $field->description = $description === null ? null : self::text($description);
            $field->inlineHelp = $help === null ? null : self::text($help);
            $field->condition = $condition;
        };
    }

    /** @param array<string, string> $values value => translation key of its label */
    private static function select(string $title, string $description, array $values): \Closure
    {
        return static function (FieldConfig $field) use ($title, $description, $values): void {
            $field->title = self::text($title);
            $field->uiControl = FieldConfig::UI_CONTROL_SINGLE_SELECT;
            $field->availableValues = array_map([self::class, 'text'], $values);
            $field->description = self::text($description);
            $field->condition = self::SHOWN_WHEN_ENABLED;
        };
    }
}
