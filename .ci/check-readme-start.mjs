// The README's "Two commands", run the way a newcomer meets them: in a fresh clone with nothing generated, as the
// README writes them. Both portals must become healthy, the README's demo buyer and producer must sign in through
// the HTTP API, the demo buyer must find the demo story without any manual step (bids awaiting a decision, a
// counter-offer awaiting the producer, contracts pending signature, in delivery and fulfilled), Ctrl-C (SIGINT to the
// process group, as a terminal sends it) must leave no process behind, and a second start must find the first run's
// data without seeding the demo data or playing the demo story again.
//
// Plain Node, no dependencies: it runs before anything is installed. Usage: node .ci/check-readme-start.mjs
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const repo = resolve(import.meta.dirname, "..");
const readme = readFileSync(join(repo, "README.md"), "utf8");
const say = (line) => process.stdout.write(`[readme-start] ${line}\n`);
const fail = (message) => {
  throw new Error(message);
};

const commands = firstShellBlock(section(readme, "## Two commands"));
const startCommand = commands.at(-1);
const setupCommands = commands.slice(0, -1);
const password = readme.match(/password is `([^`]+)`/)?.[1] ?? fail("README names no demo password");
const demoBuyer = demoUser("buyer");
const demoProducer = demoUser("producer");
const buyerUrl = `http://localhost:${process.env.BUYER_PORT ?? 3000}`;
const producerUrl = `http://localhost:${process.env.PRODUCER_PORT ?? 3001}`;
const ports = [
  process.env.BUYER_PORT ?? 3000,
  process.env.PRODUCER_PORT ?? 3001,
  process.env.LOTBRIDGE_DB_PORT ?? 54329,
];

// CI's checkout is itself a fresh clone: nothing untracked, nothing ignored (no node_modules, .data or .next). Then
// the README's commands run right there, and the later steps reuse what they installed and built. Anywhere else (a
// developer's working copy) they run in a fresh clone of HEAD.
const pristine =
  spawnSync("git", ["status", "--porcelain", "--ignored"], { cwd: repo, encoding: "utf8" }).stdout === "";
const work = pristine ? repo : mkdtempSync(join(tmpdir(), "lotbridge-readme-"));
if (!pristine) {
  chmodSync(work, 0o755); // as a home directory is: as root, the embedded PostgreSQL runs as "postgres" and enters it
  run("git", ["clone", "--quiet", "--no-local", repo, work]);
}
say(`${pristine ? "this pristine checkout" : "a fresh clone"}: ${work}; README commands: ${commands.join(" && ")}`);
for (const command of setupCommands) run("sh", ["-c", command], work);

const marker = `CI persistence check ${Date.now()}`;
const first = await startStack("first start");
try {
  await storyTold(first, "first start");
  const buyer = await signIn(buyerUrl, demoBuyer);
  await signIn(producerUrl, demoProducer);
  first.story = await demoStory(buyerUrl, buyer);
  const before = await lotTitles(buyerUrl, buyer);
  await createDraftLot(buyerUrl, buyer, marker);
  first.lotCount = before.length + 1;
  first.buyerCookie = buyer;
} finally {
  await stopStack(first);
}

const second = await startStack("second start");
try {
  await storyTold(second, "second start");
  if (/Demo: .*bids placed/.test(second.output)) fail("the second start played the demo story again");
  const again = await demoStory(buyerUrl, first.buyerCookie);
  if (JSON.stringify(again) !== JSON.stringify(first.story))
    fail(`the demo story changed over the restart: ${JSON.stringify(first.story)} → ${JSON.stringify(again)}`);
  const titles = await lotTitles(buyerUrl, first.buyerCookie); // the first run's session is still valid
  if (!titles.includes(marker)) fail(`the draft lot "${marker}" created before the restart is gone`);
  if (titles.length !== first.lotCount) {
    fail(
      `the demo buyer sees ${titles.length} lots after the restart, ${first.lotCount} before: demo data was seeded again`,
    );
  }
  if (second.output.includes("Demo data created")) fail("the second start created demo data again");
  await signIn(producerUrl, demoProducer);
} finally {
  await stopStack(second);
}
if (!pristine) rmSync(work, { recursive: true, force: true });
say(
  "passed: both portals healthy, demo sign-ins work, the demo buyer sees the demo story, Ctrl-C leaves nothing running, data survives a restart",
);

function section(markdown, heading) {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) fail(`README has no "${heading}" section`);
  const rest = markdown.slice(start + heading.length + 2);
  const next = rest.search(/\n## /);
  return next < 0 ? rest : rest.slice(0, next);
}

function firstShellBlock(text) {
  const block = text.match(/```sh\n([\s\S]*?)```/)?.[1] ?? fail("no ```sh block under the heading");
  return block
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
}

function demoUser(portal) {
  const row = readme.split("\n").find((line) => new RegExp(`^\\|\\s*${portal}\\s*\\|`).test(line));
  const email = row?.split("|")[2]?.trim() ?? fail(`README's demo sign-ins name no ${portal} user`);
  return { email, password };
}

function run(command, args, cwd = repo) {
  say(`$ ${[command, ...args].join(" ")}`);
  const result = spawnSync(command, args, { cwd, stdio: "inherit" });
  if (result.status !== 0) fail(`${command} ${args.join(" ")} exited with ${result.status ?? result.signal}`);
}

async function startStack(label) {
  say(`${label}: $ ${startCommand}`);
  // detached: its own process group, like a job in a terminal; SIGINT to the group is what Ctrl-C sends.
  const child = spawn("sh", ["-c", startCommand], { cwd: work, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const stack = {
    child,
    output: "",
    exited: new Promise((done) => child.once("exit", (code, signal) => done({ code, signal }))),
  };
  for (const stream of [child.stdout, child.stderr]) {
    stream.on("data", (chunk) => {
      stack.output += chunk;
      process.stdout.write(chunk);
    });
  }
  const deadline = Date.now() + 15 * 60_000;
  for (const url of [buyerUrl, producerUrl]) {
    while (!(await healthy(url))) {
      if (child.exitCode !== null || child.signalCode !== null)
        fail(`${label}: npm start ended before ${url} was healthy`);
      if (Date.now() > deadline) fail(`${label}: ${url}/api/health did not answer 200 within 15 minutes`);
      await new Promise((done) => setTimeout(done, 1000));
    }
  }
  say(`${label}: both portals answer /api/health with 200`);
  return stack;
}

/** npm start prints the sign-ins once the demo story is played; a story that stopped says so in one line. */
async function storyTold(stack, label) {
  const deadline = Date.now() + 3 * 60_000;
  while (!stack.output.includes("Press Ctrl-C")) {
    if (stack.child.exitCode !== null || stack.child.signalCode !== null) fail(`${label}: npm start ended early`);
    if (Date.now() > deadline) fail(`${label}: npm start printed no sign-ins within 3 minutes of being healthy`);
    await new Promise((done) => setTimeout(done, 500));
  }
  const stopped = stack.output.split("\n").find((line) => line.includes("Demo story stopped"));
  if (stopped) fail(`${label}: ${stopped.trim()}`);
}

/**
 * What the demo buyer finds with no manual step, through the buyer portal's API: the states of its lots, bids
 * awaiting its decision, counter-offers awaiting the producer, and its contracts' states.
 */
async function demoStory(url, cookie) {
  const get = async (path) => {
    const response = await fetch(`${url}${path}`, { headers: { cookie } });
    if (response.status !== 200) fail(`GET ${url}${path} as the demo buyer answered ${response.status}`);
    return (await response.json()).data;
  };
  const lots = await get("/api/lots");
  const bids = [];
  for (const lot of lots.filter((l) => l.status !== "draft")) bids.push(...(await get(`/api/lots/${lot.id}/bids`)));
  const lastFrom = (bid) => bid.offers.at(-1)?.fromParty;
  const live = (bid) => bid.status === "submitted" || bid.status === "countered";
  const story = {
    lotStates: [...new Set(lots.map((l) => l.status))].sort(),
    bidStates: [...new Set(bids.map((b) => b.status))].sort(),
    producers: new Set(bids.map((b) => b.bidder.organizationName)).size,
    awaitingDecision: bids.filter((b) => live(b) && lastFrom(b) === "producer").length,
    awaitingProducer: bids.filter((b) => live(b) && lastFrom(b) === "buyer").length,
    contractStates: [...new Set((await get("/api/contracts")).map((c) => c.status))].sort(),
  };
  const missing = [
    ...["draft", "published", "awarded", "cancelled"]
      .filter((s) => !story.lotStates.includes(s))
      .map((s) => `a ${s} lot`),
    ...["submitted", "countered", "accepted", "rejected", "withdrawn", "expired"]
      .filter((s) => !story.bidStates.includes(s))
      .map((s) => `a ${s} bid`),
    ...(story.producers < 3 ? [`bids from three producer organizations (${story.producers})`] : []),
    ...(story.awaitingDecision < 2 ? [`bids awaiting a decision (${story.awaitingDecision})`] : []),
    ...(story.awaitingProducer < 1 ? ["a counter-offer awaiting the producer"] : []),
    ...["pending_signature", "in_delivery", "fulfilled"]
      .filter((s) => !story.contractStates.includes(s))
      .map((s) => `a contract ${s.replace("_", " ")}`),
  ];
  if (missing.length > 0) fail(`the demo buyer does not find ${missing.join(", ")}: ${JSON.stringify(story)}`);
  say(
    `the demo buyer finds ${story.awaitingDecision} bids awaiting a decision and contracts ${story.contractStates.join(", ")}`,
  );
  return story;
}

async function stopStack(stack) {
  say("Ctrl-C (SIGINT to the process group)");
  try {
    process.kill(-stack.child.pid, "SIGINT");
  } catch {}
  const ended = await Promise.race([
    stack.exited,
    new Promise((done) => setTimeout(() => done(undefined), 60_000).unref()),
  ]);
  const left = processesUnder(work);
  if (left.length > 0) {
    for (const { pid } of left) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {}
    }
    fail(`after Ctrl-C these processes were still running:\n${left.map((p) => `  ${p.pid} ${p.command}`).join("\n")}`);
  }
  if (!ended) fail("npm start did not end within 60 s of Ctrl-C");
  for (const port of ports) {
    if (await listening(Number(port))) fail(`after Ctrl-C something still listens on port ${port}`);
  }
  say("stopped: no process of the clone left, its ports are free");
}

async function healthy(url) {
  try {
    return (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) })).status === 200;
  } catch {
    return false;
  }
}

async function signIn(url, user) {
  const response = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify(user),
  });
  if (response.status !== 200)
    fail(`sign-in of ${user.email} at ${url} answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  const me = await fetch(`${url}/api/me`, { headers: { cookie } });
  const body = await me.json();
  if (me.status !== 200 || body.user?.email !== user.email)
    fail(`${url}/api/me after sign-in: ${me.status} ${JSON.stringify(body)}`);
  say(`${user.email} signed in at ${url} (${body.organization.name})`);
  return cookie;
}

async function lotTitles(url, cookie) {
  const response = await fetch(`${url}/api/lots`, { headers: { cookie } });
  if (response.status !== 200) fail(`GET ${url}/api/lots answered ${response.status}`);
  return (await response.json()).data.map((lot) => lot.title);
}

async function createDraftLot(url, cookie, title) {
  const inAMonth = (days) => new Date(Date.now() + days * 86_400_000).toISOString();
  const response = await fetch(`${url}/api/lots`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: url },
    body: JSON.stringify({
      title,
      commodity: "Wheat",
      description: "",
      qualitySpecs: "",
      volume: "100",
      unit: "t",
      minBidVolume: "10",
      partialBidsAllowed: true,
      currency: "EUR",
      deliveryLocation: "Hamburg",
      incoterm: "DAP",
      deliveryStart: inAMonth(60).slice(0, 10),
      deliveryEnd: inAMonth(90).slice(0, 10),
      biddingDeadline: inAMonth(30),
      paymentTerms: "30 days after delivery",
    }),
  });
  if (response.status !== 201) fail(`creating a draft lot answered ${response.status}: ${await response.text()}`);
  say(`draft lot "${title}" created as the demo buyer`);
}

/** Every process whose command line, executable or working directory lies in the clone, but this one's ancestry. */
function processesUnder(dir) {
  const found = [];
  const ours = new Set();
  for (let pid = process.pid; pid > 1; pid = parentOf(pid)) ours.add(pid);
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name) && !ours.has(Number(name)))) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
      const paths = [command, readlinkSync(`/proc/${pid}/cwd`), readlinkSync(`/proc/${pid}/exe`)];
      if (paths.some((path) => path.includes(dir))) found.push({ pid: Number(pid), command });
    } catch {} // the process ended while we looked, or is not ours to read
  }
  return found;
}

function parentOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return 1;
  }
}

function listening(port) {
  return new Promise((done) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      done(true);
    });
    socket.once("error", () => done(false));
  });
}
