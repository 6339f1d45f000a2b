<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer\Renderer;

use Piwik\Http\BadRequestException;
use Piwik\NoAccessException;
use Piwik\Plugins\McpServer\Bridge\HttpExchange;
use Piwik\Plugins\McpServer\Bridge\McpResponse;

/**
 * format=mcp: writes exactly the status, headers and body the extension decided. Anything else
 * reaching this renderer (another API method, a failure before the endpoint ran) becomes a
 * JSON-RPC error, never an HTML or XML page. Scalars reach renderDataTable and resources
 * renderException through the parent class.
 */
class Mcp extends \Piwik\API\ApiRenderer
{
    public function sendHeader()
    {
        // headers belong to the response object, written in renderObject()
    }

    public function renderObject($object)
    {
        if ($object instanceof McpResponse) {
            return $this->write($object);
        }
        return $this->misuse();
    }

    public function renderDataTable($dataTable)
    {
        return $this->misuse();
    }

    public function renderArray($array)
    {
        return $this->misuse();
    }

    public function renderSuccess($message)
    {
        return $this->misuse();
    }

    /**
     * Exceptions from Matomo itself: a failed token authentication (NoAccessException thrown while
     * Matomo authenticates), a bad request, or an unexpected error.
     */
    public function renderException($message, $exception)
    {
        if (!function_exists('matomo_mcp_exception_response')) {
            return $this->write(McpResponse::serverMisconfigured('Internal endpoint error.'));
        }
        $kind = $exception instanceof NoAccessException ? 'unauthenticated'
            : ($exception instanceof BadRequestException ? 'bad_request' : 'internal');
        $text = $exception instanceof \Throwable ? $exception->getMessage() : '';
        $body = HttpExchange::readRequest([], (int) \matomo_mcp_max_body_bytes())['body'];
        return $this->write(new McpResponse(\matomo_mcp_exception_response($kind, $text, $body)));
    }

    /** format=mcp on an API method other than McpServer.mcp, which did not run. */
    private function misuse(): string
    {
        return $this->write(McpResponse::formatMisuse());
    }

    private function write(McpResponse $response): string
    {
        if (!headers_sent()) {
            // the extension's headers only: PHP must not add text/html to an empty 202 or 403
            header_remove('Content-Type');
            ini_set('default_mimetype', '');
            http_response_code((int) $response->answer['status']);
            foreach ($response->answer['headers'] as [$name, $value]) {
                header($name . ': ' . $value, true);
            }
        }
        return (string) $response->answer['body'];
    }
}
