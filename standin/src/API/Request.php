<?php

declare(strict_types=1);

namespace Piwik\API;

use Piwik\Common;
use Piwik\Piwik;
use Piwik\Plugin\Manager;

/** Matomo's API request: format lookup, plugin check, interception event, proxy call, rendering. */
class Request
{
    /** @var int */
    private static $nestedApiInvocationCount = 0;
    /** @var string|null */
    private static $rootMethod;
    /** @var array<string, mixed> */
    private $request;

    public function __construct($request = null, $defaultRequest = null)
    {
        if (is_string($request)) {
            parse_str($request, $parsed);
            $request = $parsed;
        }
        $request = (array) $request + ($defaultRequest ?? ($_GET + $_POST));
        $this->request = array_map(static function ($v) {
            return is_string($v) ? trim($v) : $v;
        }, $request);
    }

    public function process()
    {
        try {
            ++self::$nestedApiInvocationCount;
            $format = strtolower((string) Common::getRequestVar('format', 'xml', 'string', $this->request));
            $response = new ResponseBuilder($format, $this->request);
            if (!self::isCurrentApiRequestTheRootApiRequest()) {
                $response->disableSendHeader();
            }
            $moduleMethod = (string) Common::getRequestVar('method', null, 'string', $this->request);
            if (substr_count($moduleMethod, '.') !== 1) {
                throw new \Exception("The method name is invalid. Expected 'module.methodName'");
            }
            [$module, $method] = explode('.', $moduleMethod);
            Manager::getInstance()->checkIsPluginActivated($module);
            // as Matomo's Context::executeWithQueryParameters: the request's parameters are the
            // query parameters while the method runs (reports read filter_limit from there)
            $savedGet = $_GET;
            $_GET = $this->request + $_GET;
            try {
                $value = Proxy::call("Piwik\\Plugins\\$module\\API", $module, $method, $this->request);
                return $response->getResponse($value, $module, $method);
            } finally {
                $_GET = $savedGet;
            }
        } catch (\Exception $e) {
            if (empty($response)) {
                $response = new ResponseBuilder('json', $this->request);
            }
            return $response->getResponseException($e);
        } finally {
            --self::$nestedApiInvocationCount;
        }
    }

    public static function processRequest($method, $paramOverride = [], $defaultRequest = null)
    {
        $params = ['format' => 'original', 'serialize' => '0', 'module' => 'API', 'method' => $method, 'compare' => '0'];
        $params = (array) $paramOverride + $params;
        $params['method'] = $method;
        return (new self($params, $defaultRequest))->process();
    }

    public static function getClassNameAPI($plugin)
    {
        return sprintf('\\Piwik\\Plugins\\%s\\API', $plugin);
    }

    public static function isCurrentApiRequestTheRootApiRequest()
    {
        return self::$nestedApiInvocationCount === 1;
    }

    public static function setIsRootRequestApiRequest($method): void
    {
        self::$rootMethod = $method;
    }

    public static function getRootApiRequestMethod()
    {
        return self::$rootMethod;
    }

    public static function getMethodIfApiRequest($request)
    {
        $request = $request ?? ($_GET + $_POST);
        $module = $request['module'] ?? '';
        $method = $request['method'] ?? '';
        return $module === 'API' && is_string($method) && substr_count($method, '.') === 1 ? $method : null;
    }

    public static function isApiRequest($request)
    {
        return self::getMethodIfApiRequest($request) !== null;
    }

    /** The raw query string, untouched by changes to $_GET and never containing POST values. */
    public static function getRequestParametersGET()
    {
        parse_str((string) ($_SERVER['QUERY_STRING'] ?? ''), $params);
        return $params;
    }
}
