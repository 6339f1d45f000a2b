<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer\Bridge;

use Piwik\API\Request;
use Piwik\Container\StaticContainer;
use Piwik\DataTable;
use Piwik\Date;
use Piwik\Db;
use Piwik\DataTable\DataTableInterface;
use Piwik\DataTable\Renderer\Json as JsonRenderer;
use Piwik\Exception\PluginDeactivatedException;
use Piwik\Http\BadRequestException;
use Piwik\Log\LoggerInterface;
use Piwik\NoAccessException;
use Piwik\Plugins\McpServer\Contracts\McpToolError;
use Piwik\Plugins\McpServer\Session\SessionTable;
use Piwik\Segment;

/**
 * The callbacks the matomo_mcp extension uses to reach Matomo. Each method does one Matomo
 * operation and reports failures as data; the extension decides what they mean for the client.
 */
class MatomoHost
{
    /**
     * Calls a Matomo API method in-process as the current user.
     *
     * @param array<string, mixed> $params
     * @return array{result: mixed}|array{error: string, message: string}
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
        } catch (\Error | \PDOException | \Zend_Db_Exception $e) {
            // database failures (Matomo wraps PDO errors in Zend_Db_Statement_Exception) are
            // the server's problem: logged here, never shown to the client as a refusal
            $this->log('error', 'MCP: ' . $method . ' failed: ' . get_class($e) . ': ' . $e->getMessage());
            return ['error' => 'internal', 'message' => $e->getMessage()];
        } catch (BadRequestException | \Exception $e) {
            return ['error' => 'rejected', 'message' => $e->getMessage()];
        }
        return ['result' => $result];
    }

    /**
     * One report, as Matomo's format=json writes it, with the row count before filter_limit
     * where Matomo recorded one. The extension asks for each DataTable it meets in a result.
     *
     * @return array{"@matomo_json": string, "@total_rows": int|null}
     */
    public function renderDataTable(DataTableInterface $table): array
    {
        $renderer = new JsonRenderer();
        $renderer->setTable($table);
        return ['@matomo_json' => (string) $renderer->render(), '@total_rows' => self::rowsBeforeLimit($table)];
    }

    /** The largest "rows before limit" of a table or of the tables of a DataTable\Map. */
    private static function rowsBeforeLimit(DataTableInterface $table): ?int
    {
        if ($table instanceof DataTable\Map) {
            $counts = array_filter(array_map([self::class, 'rowsBeforeLimit'], $table->getDataTables()), 'is_int');
            return $counts === [] ? null : max($counts);
        }
        // Matomo records it only where filter_limit ran on this very table: absent is honest
        $total = $table instanceof DataTable
            ? $table->getMetadata(DataTable::TOTAL_ROWS_BEFORE_LIMIT_METADATA_NAME)
            : null;
        return is_numeric($total) ? (int) $total : null;
    }

    /**
     * Session rows, shared by every php-fpm worker and web node, as the database returns them
     * (the extension reads the numbers). The extension decides everything about sessions; every
     * write is scoped to the session's own login.
     *
     * @return array{id: string, login: string, expires_at: int|string, data: string}|null
     */
    public function sessionLoad(string $id): ?array
    {
        $sql = 'SELECT id, login, expires_at, data FROM ' . SessionTable::name() . ' WHERE id = ?';
        return Db::fetchRow($sql, [$id]) ?: null;
    }

    public function sessionInsert(string $id, string $login, int $expiresAt, string $data): void
    {
        $sql = 'INSERT INTO ' . SessionTable::name() . ' (id, login, expires_at, data) VALUES (?, ?, ?, ?)';
        Db::query($sql, [$id, $login, $expiresAt, $data]);
    }

    public function sessionTouch(string $id, string $login, int $expiresAt): void
    {
        $sql = 'UPDATE ' . SessionTable::name() . ' SET expires_at = ? WHERE id = ? AND login = ?';
        Db::query($sql, [$expiresAt, $id, $login]);
    }

    public function sessionDelete(string $id, string $login): void
    {
        Db::query('DELETE FROM ' . SessionTable::name() . ' WHERE id = ? AND login = ?', [$id, $login]);
    }

    public function sessionDeleteExpired(int $now): int
    {
        $statement = Db::query('DELETE FROM ' . SessionTable::name() . ' WHERE expires_at <= ?', [$now]);
        return is_object($statement) && method_exists($statement, 'rowCount') ? (int) $statement->rowCount() : 0;
    }

    /**
     * Runs a contributed tool (McpServer.addTools) with arguments the extension validated.
     *
     * @param array<string, mixed> $arguments
     * @return array{result: mixed}|array{error: string, message: string}
     */
    public function callTool(string $name, array $arguments): array
    {
        $tool = ContributedTools::find($name);
        if ($tool === null) {
            return ['error' => 'internal', 'message' => "no contributed tool $name"];
        }
        try {
            return ['result' => $tool->execute($arguments)];
        } catch (McpToolError $e) {
            return ['error' => 'rejected', 'message' => $e->getMessage()];
        } catch (\Throwable $e) {
            return ['error' => 'internal', 'message' => get_class($e) . ': ' . $e->getMessage()];
        }
    }

    /** @return list<array<string, mixed>> every API method of the loaded plugins (ApiCatalog) */
    public function apiCatalog(): array
    {
        return ApiCatalog::collect();
    }

    /**
     * Today in a site's timezone, read the two ways Matomo itself reads it: the local date
     * (what day, week, month and year periods use) and Date::factory('today', $timezone), where
     * Matomo ends period=range dates such as last7 (UTC midnight moved by the zone's offset).
     *
     * @return array{local: string, range_end: string}
     */
    public function siteDates(string $timezone): array
    {
        return [
            'local' => Date::factory('now', $timezone)->toString('Y-m-d'),
            'range_end' => Date::factory('today', $timezone)->toString('Y-m-d'),
        ];
    }

    /**
     * Whether Matomo has, or will build, data for a segment on a site: Matomo's own rule
     * (segments archived on request, or this one pre-processed; definitions compared as Matomo
     * compares them).
     *
     * @return array{result: bool}|array{error: string, message: string}
     */
    public function segmentArchived(int $idSite, string $definition): array
    {
        try {
            return ['result' => (new Segment($definition, [$idSite]))->willBeArchived()];
        } catch (NoAccessException $e) {
            return ['error' => 'no_access', 'message' => $e->getMessage()];
        } catch (\Exception $e) {
            return ['error' => 'rejected', 'message' => $e->getMessage()];
        }
    }

    public function log(string $level, string $message): void
    {
        try {
            StaticContainer::get(LoggerInterface::class)->log($level, $message);
        } catch (\Throwable $e) {
            // logging never fails a request
        }
    }
}
