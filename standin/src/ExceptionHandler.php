<?php

declare(strict_types=1);

namespace Piwik;

use Piwik\API\Request;
use Piwik\API\ResponseBuilder;
use Piwik\Http\HttpCodeException;

/** Failures before the API method ran: an HTML page, or the API's own format for API requests. */
class ExceptionHandler
{
    public static function dieWithHtmlErrorPage(\Throwable $e): void
    {
        $code = $e instanceof HttpCodeException && $e->getCode() > 0 ? (int) $e->getCode() : 500;
        if (!headers_sent()) {
            http_response_code($code);
            header('Content-Type: text/html; charset=utf-8');
        }
        if (Request::isApiRequest($_GET)) {
            $format = (string) Common::getRequestVar('format', 'xml', 'string');
            echo (new ResponseBuilder($format, $_GET + $_POST))->getResponseException($e);
        } else {
            echo '<html><body><h1>Matomo stand-in error</h1><p>' . htmlspecialchars($e->getMessage()) . '</p></body></html>';
        }
        exit(1);
    }
}
