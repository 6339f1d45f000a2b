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
    public const ACCESS_LEVELS = ['unlimited', 'view', 'write', 'admin'];
    public const RAW_API_SCOPES = ['none', 'partial', 'full'];

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
        $this->enable_mcp = $this->makeSetting('enable_mcp', false, FieldConfig::TYPE_BOOL, function (FieldConfig $field) {
            $field->title = Piwik::translate('McpServer_SettingEnableTitle');
            $field->uiControl = FieldConfig::UI_CONTROL_CHECKBOX;
            $field->description = Piwik::translate('McpServer_SettingEnableDescription');
            $field->inlineHelp = Piwik::translate('McpServer_SettingEnableHelp');
        });

        $this->maximum_mcp_access_level = $this->makeSetting('maximum_mcp_access_level', 'unlimited', FieldConfig::TYPE_STRING, function (FieldConfig $field) {
            $field->title = Piwik::translate('McpServer_SettingMaxAccessTitle');
            $field->uiControl = FieldConfig::UI_CONTROL_SINGLE_SELECT;
            $field->availableValues = [
                'unlimited' => Piwik::translate('McpServer_SettingMaxAccessUnlimited'),
                'view' => Piwik::translate('McpServer_SettingMaxAccessView'),
                'write' => Piwik::translate('McpServer_SettingMaxAccessWrite'),
                'admin' => Piwik::translate('McpServer_SettingMaxAccessAdmin'),
            ];
            $field->description = Piwik::translate('McpServer_SettingMaxAccessDescription');
            $field->condition = 'enable_mcp';
        });

        $this->allow_token_auth_in_url = $this->makeSetting('allow_token_auth_in_url', false, FieldConfig::TYPE_BOOL, function (FieldConfig $field) {
            $field->title = Piwik::translate('McpServer_SettingUrlTokenTitle');
            $field->uiControl = FieldConfig::UI_CONTROL_CHECKBOX;
            $field->description = Piwik::translate('McpServer_SettingUrlTokenDescription');
            $field->condition = 'enable_mcp';
        });

        $this->raw_api_access_scope = $this->makeSetting('raw_api_access_scope', 'none', FieldConfig::TYPE_STRING, function (FieldConfig $field) {
            $field->title = Piwik::translate('McpServer_SettingRawApiTitle');
            $field->uiControl = FieldConfig::UI_CONTROL_SINGLE_SELECT;
            $field->availableValues = [
                'none' => Piwik::translate('McpServer_SettingRawApiNone'),
                'partial' => Piwik::translate('McpServer_SettingRawApiPartial'),
                'full' => Piwik::translate('McpServer_SettingRawApiFull'),
            ];
            $field->description = Piwik::translate('McpServer_SettingRawApiDescription');
            $field->condition = 'enable_mcp';
        });

        foreach (['read', 'create', 'update', 'delete'] as $category) {
            $name = 'raw_api_access_' . $category;
            $this->$name = $this->makeSetting($name, false, FieldConfig::TYPE_BOOL, function (FieldConfig $field) use ($category) {
                $field->title = Piwik::translate('McpServer_SettingRawApi' . ucfirst($category) . 'Title');
                $field->uiControl = FieldConfig::UI_CONTROL_CHECKBOX;
                $field->condition = 'enable_mcp && raw_api_access_scope == "partial"';
            });
        }
    }
}
