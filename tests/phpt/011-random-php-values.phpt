--TEST--
any PHP value a bridge could return (random, seeded): every answer is a JSON-RPC body, no crash, no PHP error
--EXTENSIONS--
matomo_mcp
--FILE--
<?php
require __DIR__ . '/host.inc';

mt_srand(20261202);

/** Private and protected properties are never read (json_encode would not show them either). */
final class Secretive
{
    public $idsite;
    private $token = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    protected $password = 'hunter2';
}

/** A random PHP value of any type, including what JSON has no word for. */
function any_value(int $depth = 0)
{
    $kind = mt_rand(0, $depth > 4 ? 6 : 11);
    switch ($kind) {
        case 0: return null;
        case 1: return (bool) mt_rand(0, 1);
        case 2: return [PHP_INT_MAX, PHP_INT_MIN, 0, -1, mt_rand()][mt_rand(0, 4)];
        case 3: return [NAN, INF, -INF, -0.0, 1e308, 5e-324, mt_rand() / 7][mt_rand(0, 6)];
        case 4: return random_bytes(mt_rand(1, 40));
        case 5: return ["", "0", "1", "idsite", "\u{1F600}", "a\0b", str_repeat("x", 5000)][mt_rand(0, 6)];
        case 6: return (string) mt_rand(-5, 5);
        case 7:
            $list = [];
            for ($i = mt_rand(0, 5); $i > 0; $i--) {
                $list[] = any_value($depth + 1);
            }
            return $list;
        case 8:
            $map = [];
            for ($i = mt_rand(0, 5); $i > 0; $i--) {
                $keys = [mt_rand(-3, 3), "idsite", "name", random_bytes(3), "", "0", "result", "error"];
                $map[$keys[mt_rand(0, 7)]] = any_value($depth + 1);
            }
            return $map;
        case 9:
            $o = new Secretive();
            $o->idsite = any_value($depth + 1);
            return $o;
        case 10:
            $self = ['a' => 1];
            $self['self'] = &$self;
            return $self;
        default:
            $v = any_value($depth + 1);
            $ref = [&$v, &$v];
            return $ref;
    }
}

$bad = 0;
for ($i = 0; $i < 1500; $i++) {
    $value = any_value();
    $shape = mt_rand(0, 2);
    $host = new TestHost(fn () => $shape === 0 ? $value : ($shape === 1 ? ['result' => $value] : ['error' => $value, 'message' => $value]));
    $sid = open_session($host);
    $tool = ['matomo_site_list', 'matomo_site_get', 'matomo_goal_list', 'matomo_segment_list', 'matomo_report_list'][$i % 5];
    $answer = matomo_mcp_handle(post(['jsonrpc' => '2.0', 'id' => $i, 'method' => 'tools/call',
        'params' => ['name' => $tool, 'arguments' => ['idSite' => 1]]], $sid), facts(), $host);
    $body = json_decode($answer['body'], true);
    if (!is_array($body) || ($body['id'] ?? null) !== $i || !(isset($body['result']) || isset($body['error']))) {
        $bad++;
        echo "not a JSON-RPC answer for value #$i: ", substr($answer['body'], 0, 200), "\n";
    }
}
echo "1500 random values, $bad answers that were not JSON-RPC\n";
echo str_contains(json_encode($host->logs), 'hunter2') ? "a private property was read\n" : "no private property read\n";
?>
--EXPECT--
1500 random values, 0 answers that were not JSON-RPC
no private property read
