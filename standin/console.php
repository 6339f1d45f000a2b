<?php

/**
 * Matomo stand-in console (NOT Matomo's ./console). The data directory comes from
 * MCP_STANDIN_DATA (default standin/var).
 *
 *   php console.php setup --trusted-host=127.0.0.1:8080 [--enable]   config, database, plugin install
 *   php console.php settings:set NAME VALUE                            McpServer system setting
 *   php console.php config:set SECTION KEY VALUE                       config.ini.php entry ("-" removes it)
 *   php console.php tasks:run                                          McpServer scheduled tasks
 *   php console.php plugin:uninstall                                   McpServer uninstall()
 *   php console.php plugin:activate NAME                               install(), activate(), then [Plugins]
 *   php console.php diagnostics:run                                    McpServer's system check, as JSON
 *   php console.php settings:show                                      McpServer's system settings as the settings page shows them
 *   php console.php plugin:deactivate NAME                             removes NAME from [Plugins]
 *   php console.php bridge:replay                                      the plugin's MatomoHost::callApi over the stand-in for every recorded callApi
 */

declare(strict_types=1);

require __DIR__ . '/bootstrap.php';

use Piwik\Common;
use Piwik\Config;
use Piwik\Db;
use Piwik\Plugin\Manager;
use Piwik\Plugins\McpServer\SystemSettings;

function fail(string $message): void
{
    fwrite(STDERR, $message . "\n");
    exit(2);
}

function option(array $argv, string $name): ?string
{
    foreach ($argv as $arg) {
        if (strpos($arg, "--$name=") === 0) {
            return substr($arg, strlen($name) + 3);
        }
    }
    return in_array("--$name", $argv, true) ? '1' : null;
}

$command = $argv[1] ?? '';
switch ($command) {
    case 'setup':
        if (!is_dir(STANDIN_DATA) && !mkdir(STANDIN_DATA, 0777, true)) {
            fail('cannot create ' . STANDIN_DATA);
        }
        @unlink(STANDIN_DATA . '/matomo.sqlite');
        $hosts = array_values(array_filter(['localhost', '127.0.0.1', option($argv, 'trusted-host')]));
        $config = Config::getInstance();
        $config->General = ['trusted_hosts' => $hosts, 'enable_trusted_host_check' => '1'];
        // the plugins of the recorded Matomo whose reports the demo serves
        $config->Plugins = ['Plugins' => ['McpServer', 'Goals', 'SegmentEditor', 'CustomDimensions', 'Actions', 'VisitsSummary',
            'Referrers', 'DevicesDetection', 'DevicePlugins', 'UserCountry', 'UserLanguage', 'Resolution', 'VisitTime',
            'VisitFrequency', 'VisitorInterest', 'UserId', 'PagePerformance', 'Events', 'Contents', 'MultiSites']];
        $config->McpServer = [];
        $config->log = ['log_level' => 'DEBUG'];
        $config->forceSave();
        Db::exec('CREATE TABLE IF NOT EXISTS ' . Common::prefixTable('plugin_setting')
            . ' (plugin_name VARCHAR(60) NOT NULL, setting_name VARCHAR(255) NOT NULL, setting_value TEXT NOT NULL)');
        Manager::getInstance()->loadActivatedPlugins();
        Manager::getInstance()->getLoadedPlugin('McpServer')->install();
        if (option($argv, 'enable') !== null) {
            (new SystemSettings())->enable_mcp->setValue('1');
        }
        echo 'Matomo stand-in ready in ' . STANDIN_DATA . "\n";
        break;
    case 'settings:set':
        $setting = (new SystemSettings())->getSetting((string) ($argv[2] ?? ''));
        if ($setting === null || !isset($argv[3])) {
            fail('usage: settings:set NAME VALUE (unknown setting?)');
        }
        $setting->setValue($argv[3]);
        break;
    case 'config:set':
        [$section, $key, $value] = [$argv[2] ?? '', $argv[3] ?? '', $argv[4] ?? null];
        if ($section === '' || $key === '' || $value === null) {
            fail('usage: config:set SECTION KEY VALUE');
        }
        $config = Config::getInstance();
        $values = $config->$section;
        if ($value === '-') {
            unset($values[$key]);
        } else {
            $values[$key] = $value;
        }
        $config->$section = $values;
        $config->forceSave();
        break;
    case 'tasks:run':
        $tasks = new \Piwik\Plugins\McpServer\Tasks();
        $tasks->schedule();
        Manager::getInstance()->loadActivatedPlugins();
        foreach ($tasks->getScheduledTasks() as [, $method]) {
            $tasks->$method();
            echo "ran $method\n";
        }
        break;
    case 'plugin:uninstall':
        // as Matomo's plugin manager: the plugin's uninstall(), then its settings are removed
        Manager::getInstance()->loadActivatedPlugins();
        Manager::getInstance()->getLoadedPlugin('McpServer')->uninstall();
        Db::query('DELETE FROM ' . Common::prefixTable('plugin_setting') . ' WHERE plugin_name = ?', ['McpServer']);
        break;
    case 'plugin:activate':
        // as Matomo's plugin manager: install, then activate() may refuse, then [Plugins]
        $name = (string) ($argv[2] ?? '');
        $plugin = Manager::getInstance()->loadPlugin($name);
        try {
            $plugin->install();
            $plugin->activate();
        } catch (\Throwable $e) {
            fail('Activation of ' . $name . ' refused: ' . $e->getMessage());
        }
        $config = Config::getInstance();
        $plugins = $config->Plugins;
        $plugins['Plugins'] = array_values(array_unique(array_merge((array) ($plugins['Plugins'] ?? []), [(string) ($argv[2] ?? '')])));
        $config->Plugins = $plugins;
        $config->forceSave();
        break;
    case 'diagnostics:run':
        Manager::getInstance()->loadActivatedPlugins();
        $check = new \Piwik\Plugins\McpServer\Diagnostic\McpServerCheck(new SystemSettings());
        echo json_encode($check->execute(), JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES), "\n";
        break;
    case 'settings:show':
        // what Matomo's settings page shows of each McpServer system setting
        Manager::getInstance()->loadActivatedPlugins();
        $shown = [];
        foreach (['enable_mcp', 'maximum_mcp_access_level', 'allow_token_auth_in_url'] as $name) {
            $field = (new SystemSettings())->getSetting($name)->configureField();
            $shown[$name] = ['title' => $field->title, 'description' => $field->description, 'inlineHelp' => $field->inlineHelp];
        }
        echo json_encode($shown, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES), "\n";
        break;
    case 'bridge:replay':
        // the plugin's own bridge (MatomoHost) over the stand-in, for every callApi of the real
        // Matomo's recordings: one JSON line per callback, for the fidelity test
        Manager::getInstance()->loadActivatedPlugins();
        $host = new \Piwik\Plugins\McpServer\Bridge\MatomoHost();
        $user = '';
        $lines = file(STANDIN_ROOT . '/fixtures/matomo-5.1.2-bridge/calls.jsonl', FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES);
        foreach ($lines as $line) {
            $entry = json_decode($line, true);
            if (isset($entry['mcp_call'])) {
                $user = $entry['as'];
                $call = $entry['mcp_call'];
                continue;
            }
            if ($entry['callback'] !== 'callApi') {
                continue;
            }
            \Piwik\Access::getInstance()->authenticateWithToken(\Piwik\Access::USERS[$user]['token'] ?? '');
            [$method, $params] = $entry['args'];
            // DataTables rendered as the extension has them rendered while it reads the answer
            $render = static function ($value) use (&$render, $host) {
                if ($value instanceof \Piwik\DataTable\DataTableInterface) {
                    return $host->renderDataTable($value);
                }
                return is_array($value) ? array_map($render, $value) : $value;
            };
            $answer = $render($host->callApi($method, (array) $params));
            echo json_encode(['call' => $call, 'recorded' => $entry['result'], 'standin' => $answer], JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION), "\n";
        }
        break;
    case 'plugin:deactivate':
        $config = Config::getInstance();
        $plugins = $config->Plugins;
        $plugins['Plugins'] = array_values(array_diff((array) ($plugins['Plugins'] ?? []), [(string) ($argv[2] ?? '')]));
        $config->Plugins = $plugins;
        $config->forceSave();
        break;
    default:
        fail('usage: php console.php setup|settings:set|config:set|tasks:run|plugin:uninstall|plugin:activate|plugin:deactivate|diagnostics:run');
}
