<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer\Bridge;

use Piwik\API\Request;
use Piwik\Common;
use Piwik\Config;
use Piwik\Piwik;
use Piwik\Plugin\Manager as PluginManager;
use Piwik\Plugins\McpServer\SystemSettings;
use Piwik\Url;

/**
 * Collects what Matomo knows about the current request (who, which settings, which hosts) as
 * plain data for the extension, which takes every decision on it.
 */
final class EndpointFacts
{
    /** @return array<string, mixed> */
    public static function collect(SystemSettings $settings): array
    {
        $query = Request::getRequestParametersGET();
        return [
            'format' => strtolower((string) Common::getRequestVar('format', '', 'string', $_GET)),
            'module' => (string) ($query['module'] ?? ''),
            'method' => (string) ($query['method'] ?? ''),
            'is_root_request' => Request::isCurrentApiRequestTheRootApiRequest(),
            'root_method' => (string) Request::getRootApiRequestMethod(),
            'user' => self::user(),
            'settings' => [
                'enable_mcp' => (bool) $settings->enable_mcp->getValue(),
                'maximum_mcp_access_level' => (string) $settings->maximum_mcp_access_level->getValue(),
                'allow_token_in_url' => (bool) $settings->allow_token_auth_in_url->getValue(),
                'raw_api_access_scope' => (string) $settings->raw_api_access_scope->getValue(),
                'raw_api_access_read' => (bool) $settings->raw_api_access_read->getValue(),
                'raw_api_access_create' => (bool) $settings->raw_api_access_create->getValue(),
                'raw_api_access_update' => (bool) $settings->raw_api_access_update->getValue(),
                'raw_api_access_delete' => (bool) $settings->raw_api_access_delete->getValue(),
            ],
            'token_in_url' => isset($query['token_auth']) && $query['token_auth'] !== '',
            'token_in_body' => BearerToken::tokenInBody(),
            'trusted_hosts' => array_values(array_map('strval', Url::getTrustedHostsFromConfig())),
            'host_valid' => Url::isValidHost(),
            'config' => self::configSection(),
            'plugin_version' => PluginManager::getInstance()->getLoadedPlugin('McpServer')->getVersion(),
            'tools' => ContributedTools::collect(\matomo_mcp_builtin_tool_names()),
        ];
    }

    /** @return array<string, mixed> */
    private static function user(): array
    {
        $anonymous = Piwik::isUserIsAnonymous();
        $hasView = !$anonymous && Piwik::isUserHasSomeViewAccess();
        $levels = [
            'superuser' => Piwik::hasUserSuperUserAccess(),
            'admin' => Piwik::isUserHasSomeAdminAccess(),
            'write' => Piwik::isUserHasSomeWriteAccess(),
            'view' => $hasView,
        ];
        return [
            'login' => $anonymous ? '' : (string) Piwik::getCurrentUserLogin(),
            'anonymous' => $anonymous,
            'has_view_access' => $hasView,
            'highest_access' => (string) (array_search(true, $levels, true) ?: 'noaccess'),
        ];
    }

    /** @return array<string, mixed> */
    private static function configSection(): array
    {
        $section = Config::getInstance()->McpServer;
        return is_array($section) ? array_filter($section, 'is_scalar') : [];
    }
}
