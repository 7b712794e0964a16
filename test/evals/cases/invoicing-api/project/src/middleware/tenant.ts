import type { NextFunction, Request, Response } from 'express';
import jwt from 'jsonwebtoken';

export interface TenantRequest extends Request {
  tenantId: number;
  userId: number;
}

/** Reads the tenant from the verified token; never from the query string or body. */
export function requireTenant(req: Request, res: Response, next: NextFunction): void {
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : '';
  try {
    const claims = jwt.verify(token, process.env.JWT_PUBLIC_KEY ?? '', { algorithms: ['RS256'] }) as { tid: number; sub: string };
    (req as TenantRequest).tenantId = Number(claims.tid);
    (req as TenantRequest).userId = Number(claims.sub);
    next();
  } catch {
    res.status(401).json({ error: { code: 'UNAUTHORIZED', message: 'A valid token is required.' } });
  }
}
