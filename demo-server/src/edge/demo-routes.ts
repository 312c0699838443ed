import { Router, type Request, type Response } from 'express';
import { DemoCommandRefused, LaneUnavailable } from '../errors.ts';
import type { DemoBoard } from '../scenarios/demo-board.ts';
import type { DemoScenario } from '../scenarios/demo-scenario.ts';
import { describeIssues } from './api-routes.ts';
import { HttpError, sendError } from './error-response.ts';

function knownDemo(board: DemoBoard, name: string): DemoScenario {
  const scenario = board.get(name);
  if (!scenario) {
    throw new HttpError('not_found', `No demo "${name.slice(0, 64)}". Demos here: ${board.names().join(', ') || 'none'}.`);
  }
  return scenario;
}

/**
 * The demo scenarios' state and commands: `GET /api/demos/:demo` answers the state the panels get
 * over the socket; `POST /api/demos/:demo/:command` with a JSON body runs one of the demo's commands.
 */
export function demoRoutes(board: DemoBoard): Router {
  const router = Router();

  router.get('/demos/:demo', (req: Request<{ demo: string }>, res: Response) => {
    const scenario = knownDemo(board, req.params.demo);
    res.json({ demo: scenario.name, state: scenario.state() });
  });

  router.post('/demos/:demo/:command', async (req: Request<{ demo: string; command: string }>, res: Response) => {
    const scenario = knownDemo(board, req.params.demo);
    const commandName = req.params.command;
    const command = Object.hasOwn(scenario.commands, commandName) ? scenario.commands[commandName] : undefined;
    if (!command) {
      const known = Object.keys(scenario.commands).join(', ') || 'none';
      return sendError(res, 'not_found', `Demo "${scenario.name}" has no command "${commandName.slice(0, 64)}". Its commands: ${known}.`);
    }
    if (!req.is('application/json')) {
      return sendError(res, 'unsupported_media_type', 'Send the body as JSON with Content-Type: application/json.');
    }
    const body = command.body.safeParse(req.body);
    if (!body.success) return sendError(res, 'invalid_body', describeIssues(body.error));
    try {
      const answer = await command.run(body.data);
      res.status(202).json({ demo: scenario.name, command: commandName, ...answer });
    } catch (error) {
      if (error instanceof DemoCommandRefused) return sendError(res, 'conflict', error.message);
      if (error instanceof LaneUnavailable) return sendError(res, 'lane_down', error.message);
      throw error;
    }
  });

  return router;
}
