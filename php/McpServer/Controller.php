<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer;

use Piwik\Common;
use Piwik\Container\StaticContainer;
use Piwik\Piwik;
use Piwik\Plugin\Manager as PluginManager;
use Piwik\Plugins\McpServer\Bridge\Extension;
use Piwik\SettingsPiwik;

/**
 * Administration -> Platform -> MCP Server: how to connect an AI assistant to this Matomo.
 */
class Controller extends \Piwik\Plugin\ControllerAdmin
{
    public const ENDPOINT_QUERY = 'index.php?module=API&method=McpServer.mcp&format=mcp';

    /** The MCP endpoint of this Matomo, as clients must call it. */
    public static function endpointUrl(): string
    {
        return rtrim((string) SettingsPiwik::getPiwikUrl(), '/') . '/' . self::ENDPOINT_QUERY;
    }

    public function connect()
    {
        Piwik::checkUserIsNotAnonymous();
        Piwik::checkUserHasSomeViewAccess();
        self::keepUrlPrivate();
        $settings = StaticContainer::get(SystemSettings::class);
        $endpoint = self::endpointUrl();
        $version = PluginManager::getInstance()->getLoadedPlugin('McpServer')->getVersion();
        return $this->renderTemplate('connect', [
            'endpointUrl' => $endpoint,
            'isEnabled' => (bool) $settings->enable_mcp->getValue(),
            'isSuperUser' => Piwik::hasUserSuperUserAccess(),
            'settingsUrl' => 'index.php?module=CoreAdminHome&action=generalSettings#/McpServer',
            'tokenUrl' => 'index.php?module=UsersManager&action=userSecurity#authtokens',
            'extensionProblem' => Extension::problem($version),
            'snippets' => ConnectSnippets::forEndpoint($endpoint),
            'faqUrl' => 'index.php?module=McpServer&action=faq',
        ]);
    }

    /**
     * These pages may be opened with token_auth in their URL: no link followed from them may carry
     * that URL onwards as Referer.
     */
    private static function keepUrlPrivate(): void
    {
        Common::sendHeader('Referrer-Policy: no-referrer');
    }

    /** The administrators' FAQ (docs/faq.md of the plugin), readable inside Matomo. */
    public function faq()
    {
        Piwik::checkUserIsNotAnonymous();
        Piwik::checkUserHasSomeViewAccess();
        self::keepUrlPrivate();
        $markdown = (string) file_get_contents(__DIR__ . '/docs/faq.md');
        return $this->renderTemplate('faq', ['faqHtml' => MarkdownPage::toHtml($markdown)]);
    }
}
