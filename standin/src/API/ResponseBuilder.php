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
    /** @var array<string, mixed> */
    private $request;

    public function __construct($outputFormat, $request = [])
    {
        $this->renderer = ApiRenderer::factory($outputFormat, $request);
        $this->request = (array) $request;
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
            return $this->renderer->renderArray($this->limitList($value));
        }
        if (is_object($value)) {
            return $this->renderer->renderObject($value);
        }
        if (is_resource($value)) {
            return $this->renderer->renderResource($value);
        }
        return $this->renderer->renderScalar($value);
    }

    /**
     * As Matomo's ResponseBuilder::handleArray, in every format: a list (numeric first key) is cut
     * to filter_limit rows from filter_offset, and re-indexed.
     */
    private function limitList(array $array): array
    {
        if ($array === [] || !is_numeric(array_key_first($array))) {
            return $array;
        }
        $limit = (int) ($this->request['filter_limit'] ?? -1);
        $offset = (int) ($this->request['filter_offset'] ?? 0);
        if ($limit >= 0 || $offset > 0) {
            $array = array_slice($array, $offset, $limit < 0 ? null : $limit, false);
        }
        return $array;
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
