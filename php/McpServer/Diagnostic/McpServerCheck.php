<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer\Diagnostic;

use Piwik\DbHelper;
use Piwik\Db;
use Piwik\Piwik;
use Piwik\Plugin\Manager as PluginManager;
use Piwik\Plugins\Diagnostics\Diagnostic\Diagnostic;
use Piwik\Plugins\Diagnostics\Diagnostic\DiagnosticResult;
use Piwik\Plugins\McpServer\Bridge\Extension;
use Piwik\Plugins\McpServer\Session\SessionTable;
use Piwik\Plugins\McpServer\SystemSettings;

/**
 * Administration -> Diagnostic -> System check: the extension, whether MCP is enabled, whether
 * the Authorization header reaches PHP, and the session table.
 */
class McpServerCheck implements Diagnostic
{
    /** @var SystemSettings */
    private $settings;

    public function __construct(SystemSettings $settings)
    {
        $this->settings = $settings;
    }

    public function execute()
    {
        return [$this->extension(), $this->enabled(), $this->authorizationHeader(), $this->sessions()];
    }

    private static function label(string $key): string
    {
        return Piwik::translate('McpServer_' . $key);
    }

    private static function result(string $labelKey, string $status, string $comment): DiagnosticResult
    {
        return DiagnosticResult::singleResult(self::label($labelKey), $status, $comment);
    }

    private function extension(): DiagnosticResult
    {
        $version = PluginManager::getInstance()->getLoadedPlugin('McpServer')->getVersion();
        $problem = Extension::problem($version);
        if ($problem !== null) {
            return self::result('CheckExtension', DiagnosticResult::STATUS_ERROR, $problem);
        }
        $comment = Piwik::translate('McpServer_CheckExtensionLoaded', [\matomo_mcp_version(), PHP_VERSION, PHP_SAPI]);
        return self::result('CheckExtension', DiagnosticResult::STATUS_OK, $comment);
    }

    private function enabled(): DiagnosticResult
    {
        $on = (bool) $this->settings->enable_mcp->getValue();
        return DiagnosticResult::singleResult(
            self::label('CheckEnabled'),
            $on ? DiagnosticResult::STATUS_OK : DiagnosticResult::STATUS_INFORMATIONAL,
            self::label($on ? 'CheckEnabledYes' : 'CheckEnabledNo')
        );
    }

    /** The header is dropped when requests keep arriving without it and never with it. */
    private function authorizationHeader(): DiagnosticResult
    {
        $seen = AuthorizationHeaderWatch::lastSeen();
        if ($seen['with'] === 0 && $seen['without'] === 0) {
            $status = DiagnosticResult::STATUS_INFORMATIONAL;
            $comment = self::label('CheckAuthHeaderNoTraffic');
        } elseif ($seen['with'] === 0 || $seen['without'] > $seen['with'] + 86400) {
            $status = DiagnosticResult::STATUS_WARNING;
            $comment = self::label('CheckAuthHeaderMissing');
        } else {
            $status = DiagnosticResult::STATUS_OK;
            $comment = self::label('CheckAuthHeaderOk');
        }
        return self::result('CheckAuthHeader', $status, $comment);
    }

    private function sessions(): DiagnosticResult
    {
        $table = SessionTable::name();
        if (!DbHelper::tableExists($table)) {
            $comment = Piwik::translate('McpServer_CheckSessionTableMissing', [$table]);
            return self::result('CheckSessions', DiagnosticResult::STATUS_ERROR, $comment);
        }
        $live = (int) Db::fetchOne('SELECT COUNT(*) FROM ' . $table . ' WHERE expires_at > ?', [time()]);
        $comment = Piwik::translate('McpServer_CheckSessionTableOk', [$table, $live]);
        return self::result('CheckSessions', DiagnosticResult::STATUS_OK, $comment);
    }
}
