<?php

declare(strict_types=1);

namespace Piwik\API;

use Piwik\DataTable\DataTableInterface;
use Piwik\Http\HttpCodeException;

class ResponseBuilder
{
    /** @var ApiRenderer */
    private $renderer;
    /** @var bool */
    private $sendHeader = true;

    public function __construct($outputFormat, $request = [])
    {
        $this->renderer = ApiRenderer::factory($outputFormat, $request);
    }

    public function disableSendHeader(): void
    {
        $this->sendHeader = false;
    }

    public function getResponse($value = null, $apiModule = false, $apiMethod = false)
    {
        if ($this->sendHeader) {
            $this->renderer->sendHeader();
        }
        if ($value === null) {
            return $this->renderer->renderSuccess('ok');
        }
        if ($value instanceof DataTableInterface) {
            return $this->renderer->renderDataTable($value);
        }
        if (is_array($value)) {
            return $this->renderer->renderArray($value);
        }
        if (is_object($value)) {
            return $this->renderer->renderObject($value);
        }
        if (is_resource($value)) {
            return $this->renderer->renderResource($value);
        }
        return $this->renderer->renderScalar($value);
    }

    /** Status from HttpCodeExceptions only; the message is XML-escaped as Matomo does. */
    public function getResponseException($e)
    {
        if ($this->sendHeader && $e instanceof HttpCodeException && $e->getCode() > 0 && !headers_sent()) {
            http_response_code((int) $e->getCode());
        }
        if ($this->sendHeader) {
            $this->renderer->sendHeader();
        }
        return $this->renderer->renderException(htmlspecialchars($e->getMessage(), ENT_COMPAT), $e);
    }
}
