<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer;

use Piwik\API\Request;
use Piwik\Common;
use Piwik\Plugins\McpServer\Diagnostic\AuthorizationHeaderWatch;
use Piwik\Plugins\McpServer\Bridge\BearerToken;
use Piwik\Plugins\McpServer\Bridge\Extension;
use Piwik\Plugins\McpServer\Bridge\McpResponse;
use Piwik\Plugins\McpServer\Session\SessionTable;

/**
 * The MCP Server plugin: an MCP endpoint at index.php?module=API&method=McpServer.mcp&format=mcp,
 * answered by the matomo_mcp PHP extension.
 */
class McpServer extends \Piwik\Plugin
{
    public const ENDPOINT_METHOD = 'McpServer.mcp';

    public function registerEvents()
    {
        return [
            // fires before Matomo authenticates the request: the earliest point to accept a Bearer token
            'Request.dispatchCoreAndPluginUpdatesScreen' => 'acceptBearerToken',
            'API.Request.intercept' => 'refuseFormatMisuse',
            'Db.getTablesInstalled' => 'getTablesInstalled',
        ];
    }

    public function install()
    {
        SessionTable::create();
    }

    /**
     * Activation is refused while PHP lacks the matomo_mcp extension: the message says how to
     * install it (the plugin would only answer errors without it).
     */
    public function activate()
    {
        $problem = Extension::problem($this->getVersion());
        if ($problem !== null) {
            throw new \Exception($problem);
        }
    }

    /** Matomo removes the plugin's settings itself; the plugin removes its table and options. */
    public function uninstall()
    {
        SessionTable::drop();
        AuthorizationHeaderWatch::forget();
    }

    /**
     * Matomo before 5.4 does not read `Authorization: Bearer`; for this endpoint only, the token is
     * handed to Matomo's own token authentication as if it had been POSTed.
     */
    public function acceptBearerToken(): void
    {
        if (Request::getMethodIfApiRequest(null) === self::ENDPOINT_METHOD) {
            BearerToken::injectIntoPost($_SERVER, $_GET, $_POST);
        }
    }

    /**
     * `format=mcp` on another API method must not run that method: its result is replaced by the
     * endpoint's 400 answer, which the format=mcp renderer writes.
     *
     * @param mixed $returnedValue
     */
    public function refuseFormatMisuse(&$returnedValue, $finalParameters, $pluginName, $methodName): void
    {
        $isRootMcpFormat = Request::isCurrentApiRequestTheRootApiRequest()
            && strtolower((string) Common::getRequestVar('format', '', 'string', $_GET)) === 'mcp';
        if ($isRootMcpFormat && $pluginName . '.' . $methodName !== self::ENDPOINT_METHOD) {
            $returnedValue = McpResponse::formatMisuse();
        }
    }

    public function getTablesInstalled(&$allTablesInstalled): void
    {
        $allTablesInstalled[] = SessionTable::name();
    }
}
