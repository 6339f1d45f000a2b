<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer\Bridge;

use Piwik\API\Request;
use Piwik\Container\StaticContainer;
use Piwik\DataTable\DataTableInterface;
use Piwik\DataTable\Renderer\Json as JsonRenderer;
use Piwik\Exception\PluginDeactivatedException;
use Piwik\Http\BadRequestException;
use Piwik\Log\LoggerInterface;
use Piwik\NoAccessException;
use Piwik\Plugins\McpServer\Session\SessionTable;

/**
 * The callbacks the matomo_mcp extension uses to reach Matomo. Each method does one Matomo
 * operation and reports failures as data; the extension decides what they mean for the client.
 */
class MatomoHost
{
    /** @var SessionTable */
    private $sessions;

    public function __construct(?SessionTable $sessions = null)
    {
        $this->sessions = $sessions ?? new SessionTable();
    }

    /**
     * Calls a Matomo API method in-process as the current user.
     *
     * @param array<string, mixed> $params
     * @return array{result: mixed}|array{json: string}|array{error: string, message: string}
     */
    public function callApi(string $method, array $params): array
    {
        // format=original gives PHP values; the empty default request keeps this call from
        // inheriting the endpoint request's own parameters (filter_limit=100 among them)
        $params = ['format' => 'original', 'serialize' => 0] + $params;
        try {
            $result = Request::processRequest($method, $params, []);
        } catch (NoAccessException $e) {
            return ['error' => 'no_access', 'message' => $e->getMessage()];
        } catch (PluginDeactivatedException $e) {
            return ['error' => 'plugin_inactive', 'message' => $e->getMessage()];
        } catch (\Error | \PDOException $e) {
            $this->log('error', 'MCP: ' . $method . ' failed: ' . get_class($e) . ': ' . $e->getMessage());
            return ['error' => 'internal', 'message' => $e->getMessage()];
        } catch (BadRequestException | \Exception $e) {
            return ['error' => 'rejected', 'message' => $e->getMessage()];
        }
        if ($result instanceof DataTableInterface) {
            // reports: Matomo's own JSON rendering of its DataTables, parsed by the extension
            $renderer = new JsonRenderer();
            $renderer->setTable($result);
            return ['json' => (string) $renderer->render()];
        }
        return ['result' => $result];
    }

    /** @return array{id: string, login: string, expires_at: int, data: string}|null */
    public function sessionLoad(string $id): ?array
    {
        return $this->sessions->load($id);
    }

    public function sessionInsert(string $id, string $login, int $expiresAt, string $data): void
    {
        $this->sessions->insert($id, $login, $expiresAt, $data);
    }

    public function sessionTouch(string $id, string $login, int $expiresAt): void
    {
        $this->sessions->touch($id, $login, $expiresAt);
    }

    public function sessionDelete(string $id, string $login): void
    {
        $this->sessions->delete($id, $login);
    }

    public function sessionDeleteExpired(int $now): int
    {
        return $this->sessions->deleteExpired($now);
    }

    public function log(string $level, string $message): void
    {
        try {
            $logger = StaticContainer::get(LoggerInterface::class);
            switch ($level) {
                case 'error':
                    $logger->error($message);
                    break;
                case 'warning':
                    $logger->warning($message);
                    break;
                case 'info':
                    $logger->info($message);
                    break;
                default:
                    $logger->debug($message);
            }
        } catch (\Throwable $e) {
            // logging never fails a request
        }
    }
}
