import type { StaffDoc } from '../../../server/features/people';
import type { TestServer } from '../support/harness';

export const BODY = '食堂午餐排队时间过长，建议增加一个打饭窗口，或错峰安排各科室用餐时间。';

/** Logins and roster entries of the demo unit, by staff number. */
export class MailDriver {
  private readonly tokens = new Map<string, string>();

  constructor(readonly t: TestServer) {}

  async as(staffNo: string): Promise<string> {
    let token = this.tokens.get(staffNo);
    if (!token) {
      token = await this.t.login(`demo-${staffNo}`);
      this.tokens.set(staffNo, token);
    }
    return token;
  }

  async staff(staffNo: string): Promise<StaffDoc> {
    const [doc] = await this.t.server.store.collection('staff').find({ staffNo }, { limit: 1 });
    return doc;
  }
}
