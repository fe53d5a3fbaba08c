import { createHash } from 'node:crypto';
import { hashPassword } from '../auth/passwords.js';
import type { Prisma } from '../db/index.js';
import type { FilingType, FilingVariant, MaterialKind, OrderStatus } from '../generated/prisma/enums.js';

/** Demo sign-ins (password for all: `demo-password-1`). Never load this set into production. */
export const DEMO_ACCOUNTS = {
  admin: 'admin@demo.icp.test',
  reviewer: 'reviewer@demo.icp.test',
  individual: 'zhang.wei@demo.icp.test',
  company: 'it@hengda-demo.icp.test',
} as const;
export const DEMO_PASSWORD = 'demo-password-1';

/** Provider instance ids of the demo applicants' servers (see README "Your first filing"). */
export const DEMO_INSTANCES = { individual: 'i-demo-zhangwei-01', company: 'i-demo-hengda-01' } as const;

/**
 * A placeholder scan: JPEG markers around filler bytes. Content sniffing takes it for a JPEG, but it
 * is not a picture; real uploads go through `uploadMaterial`.
 */
function placeholderJpeg(seed: number, size = 2048): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
  for (let i = 11; i < size - 2; i++) bytes[i] = (i * 31 + seed) % 251;
  bytes.set([0xff, 0xd9], size - 2);
  return bytes;
}

/**
 * Loads a small, realistic data set into an empty database: an admin, a reviewer, an individual in
 * 湖北 with a filed blog (`-1`) and a filed APP (`-2A`, two platforms, an SDK, a back-end domain) and
 * a second APP in initial review (新增APP, icon uploaded), a company in 河南 with its portal in
 * initial review (materials uploaded),
 * each applicant with a prepaid server (and the individual with a spare 备案服务号), and ICP number
 * counters that agree with the numbers handed out. All certificate numbers carry valid check digits
 * but belong to nobody. Returns false when data already exists.
 */
export async function seedDemo(prisma: Prisma, passwordCost?: number, now: Date = new Date()): Promise<boolean> {
  if ((await prisma.account.count()) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD, passwordCost);
  const day = 86_400_000;
  const year = Number(now.toLocaleString('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }));
  const inAYear = new Date(now.getTime() + 365 * day);

  await prisma.$transaction(async (tx) => {
    const [admin, reviewer, individual, company] = await Promise.all(
      (
        [
          [DEMO_ACCOUNTS.admin, '系统管理员', 'ADMIN'],
          [DEMO_ACCOUNTS.reviewer, '备案审核专员', 'REVIEWER'],
          [DEMO_ACCOUNTS.individual, '张伟', 'APPLICANT'],
          [DEMO_ACCOUNTS.company, '恒达科技', 'APPLICANT'],
        ] as const
      ).map(([email, displayName, role]) => tx.account.create({ data: { email, displayName, role, passwordHash } })),
    );
    void admin;

    const zhang = await tx.person.create({
      data: {
        name: '张伟',
        certificateType: 'RESIDENT_ID',
        certificateNumber: '420106199003074519',
        validFrom: new Date('2020-05-01'),
        validTo: new Date('2040-05-01'),
        mobile: '13871234567',
        emergencyPhone: '13971234568',
        email: 'zhang.wei@demo.icp.test',
      },
    });
    // The number handed out below is the first of its province and year: the counter says so.
    await tx.icpCounter.create({ data: { provinceCode: 'hubei', year, last: 1 } });
    const server = (ownerId: string, instanceId: string, region: string, ip: string) =>
      tx.serverInstance.create({
        data: {
          ownerId,
          instanceId,
          kind: 'ECS',
          region,
          billing: 'PREPAID',
          ipAddresses: [ip],
          purchasedAt: new Date(now.getTime() - 30 * day),
          expiresAt: inAYear,
          source: 'demo',
        },
      });
    const zhangServer = await server(individual!.id, DEMO_INSTANCES.individual, 'cn-wuhan', '203.0.113.10');
    await tx.serviceCode.create({ data: { code: 'BADEMO0000000001', serverInstanceId: zhangServer.id, ownerId: individual!.id } });
    const hengdaServer = await server(company!.id, DEMO_INSTANCES.company, 'cn-zhengzhou', '203.0.113.20');

    const blogger = await tx.subject.create({
      data: {
        ownerId: individual!.id,
        status: 'FILED',
        provinceCode: 'hubei',
        city: '武汉市',
        county: '武昌区',
        nature: 'INDIVIDUAL',
        certificateType: 'RESIDENT_ID',
        certificateNumber: zhang.certificateNumber,
        name: '张伟',
        certificateAddress: '湖北省武汉市武昌区中南路99号',
        communicationAddress: '湖北省武汉市武昌区中南路99号3栋1201室',
        principalId: zhang.id,
        icpNumber: `鄂ICP备${year}000001号`,
        // -1 the blog, -2A the APP: the sequence is shared by every kind of service.
        lastWebsiteSuffix: 2,
        filedAt: new Date(now.getTime() - 30 * day),
      },
    });
    const blog = await tx.website.create({
      data: {
        subjectId: blogger.id,
        ownerId: individual!.id,
        status: 'FILED',
        name: '张伟的技术笔记',
        homepageUrls: ['https://zhangwei-notes.cn'],
        contentCategory: 'PERSONAL_BLOG',
        languages: ['zh-Hans'],
        remark: '记录个人学习编程的技术笔记',
        principalId: zhang.id,
        accessMethod: '其他方式',
        serverLocation: '湖北省武汉市',
        ipAddresses: ['203.0.113.10'],
        productVerification: 'SERVER_INSTANCE',
        serverInstanceId: zhangServer.id,
        icpNumber: `鄂ICP备${year}000001号-1`,
        icpSuffix: '1',
        domains: { create: [{ name: 'zhangwei-notes.cn' }] },
      },
    });
    await tx.registryFiling.create({
      data: {
        subjectName: blogger.name,
        nature: 'INDIVIDUAL',
        certificateType: 'RESIDENT_ID',
        certificateNumber: blogger.certificateNumber,
        provinceCode: 'hubei',
        subjectIcpNumber: blogger.icpNumber!,
        domain: 'zhangwei-notes.cn',
        websiteName: blog.name,
        websiteIcpNumber: blog.icpNumber!,
      },
    });

    // The blog's companion APP, filed as -2A of the same subject: two platforms signed with one
    // certificate, a push SDK and a back end on a subdomain of the blog's own domain.
    const appKey = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0';
    await tx.website.create({
      data: {
        subjectId: blogger.id,
        ownerId: individual!.id,
        status: 'FILED',
        kind: 'APP',
        name: '张伟笔记',
        homepageUrls: [],
        contentCategory: 'PERSONAL_BLOG',
        languages: ['zh-Hans'],
        remark: '技术笔记的手机阅读客户端',
        principalId: zhang.id,
        ipAddresses: ['203.0.113.10'],
        productVerification: 'SERVER_INSTANCE',
        serverInstanceId: zhangServer.id,
        icpNumber: `鄂ICP备${year}000001号-2A`,
        icpSuffix: '2A',
        createdAt: new Date(blog.createdAt.getTime() + 1000),
        appPlatforms: {
          create: [
            { kind: 'ANDROID', packageName: 'cn.zhangwei.notes', publicKey: appKey, md5Signature: '3A5F0B1C2D3E4F506172839405B6C7D8', position: 0 },
            { kind: 'IOS', packageName: 'cn.zhangwei.notes', publicKey: appKey, md5Signature: '3A5F0B1C2D3E4F506172839405B6C7D8', position: 1 },
          ],
        },
        appSdks: { create: [{ provider: '华为', type: '推送', position: 0 }] },
        appDomains: { create: [{ name: 'api.zhangwei-notes.cn', position: 0 }] },
      },
    });

    const li = await tx.person.create({
      data: {
        name: '李娜',
        certificateType: 'RESIDENT_ID',
        certificateNumber: '410105198505123023',
        validFrom: new Date('2016-03-01'),
        longTerm: true,
        mobile: '13703711234',
        phone2: '13703715678',
        emergencyPhone: '037165551234',
        email: 'it@hengda-demo.icp.test',
      },
    });
    const hengda = await tx.subject.create({
      data: {
        ownerId: company!.id,
        provinceCode: 'henan',
        city: '郑州市',
        county: '金水区',
        nature: 'ENTERPRISE',
        certificateType: 'BUSINESS_LICENSE',
        certificateNumber: '91410100MA3X5K7D5W',
        name: '郑州恒达信息科技有限公司',
        certificateAddress: '河南省郑州市金水区花园路88号',
        communicationAddress: '河南省郑州市金水区花园路88号恒达大厦12层',
        investor: '李娜',
        principalId: li.id,
      },
    });
    const site = (name: string, domain: string) =>
      tx.website.create({
        data: {
          subjectId: hengda.id,
          ownerId: company!.id,
          name,
          homepageUrls: [`https://www.${domain}`],
          contentCategory: 'ENTERPRISE_PORTAL',
          languages: ['zh-Hans'],
          principalId: li.id,
          accessMethod: '其他方式',
          serverLocation: '河南省郑州市',
          ipAddresses: ['203.0.113.20'],
          productVerification: 'SERVER_INSTANCE',
          serverInstanceId: hengdaServer.id,
          domains: { create: [{ name: domain }] },
        },
      });
    const portal = await site('恒达科技官网', 'hengda-demo.cn');

    interface DemoOrder {
      number: string;
      ownerId: string;
      subjectId: string;
      provinceCode: string;
      filingType: FilingType;
      variant?: FilingVariant;
      websiteIds: string[];
      path: OrderStatus[];
      submittedDaysAgo: number;
      materials: [MaterialKind, string, string | null][];
    }
    const order = async (d: DemoOrder) => {
      const { path } = d;
      const status = path[path.length - 1]!;
      const submittedAt = new Date(now.getTime() - d.submittedDaysAgo * day);
      const o = await tx.order.create({
        data: {
          number: d.number,
          ownerId: d.ownerId,
          subjectId: d.subjectId,
          provinceCode: d.provinceCode,
          filingType: d.filingType,
          variant: d.variant ?? null,
          status,
          version: path.length - 1,
          firstSubmittedAt: path.length > 1 ? submittedAt : null,
          submittedAt: path.length > 1 ? submittedAt : null,
          expiresAt: path.length > 1 ? new Date(submittedAt.getTime() + 45 * day) : null,
          websites: { create: d.websiteIds.map((websiteId, position) => ({ websiteId, action: 'ADD' as const, position })) },
        },
      });
      await tx.orderEvent.create({
        data: { orderId: o.id, type: 'CREATED', actorId: d.ownerId, actorRole: 'APPLICANT', toStatus: 'DRAFT', publishedAt: now },
      });
      for (const [i, [kind, fileName, websiteId]] of (path.length > 1 ? d.materials : []).entries()) {
        const content = placeholderJpeg(i + 1);
        const sha256 = createHash('sha256').update(content).digest('hex');
        await tx.material.create({
          data: { orderId: o.id, websiteId, kind, fileName, mimeType: 'image/jpeg', size: content.length, sha256, content, authenticity: 'PASSED', checkedAt: submittedAt },
        });
        await tx.orderEvent.create({
          data: { orderId: o.id, type: 'MATERIAL_ADDED', actorId: d.ownerId, actorRole: 'APPLICANT', detail: { kind, sha256, authenticity: 'PASSED' }, publishedAt: now },
        });
      }
      for (let i = 1; i < path.length; i++) {
        const byReviewer = path[i] !== 'PENDING_INITIAL_REVIEW';
        await tx.orderEvent.create({
          data: {
            orderId: o.id,
            type: 'STATUS_CHANGED',
            actorId: byReviewer ? reviewer!.id : d.ownerId,
            actorRole: byReviewer ? 'REVIEWER' : 'APPLICANT',
            fromStatus: path[i - 1],
            toStatus: path[i],
            publishedAt: now,
          },
        });
      }
    };
    await order({
      number: 'ICP-DEMO-0001',
      ownerId: company!.id,
      subjectId: hengda.id,
      provinceCode: 'henan',
      filingType: 'FIRST',
      websiteIds: [portal.id],
      path: ['DRAFT', 'PENDING_INITIAL_REVIEW'],
      submittedDaysAgo: 1,
      materials: [
        ['SUBJECT_CERTIFICATE', 'license.jpg', null],
        ['PRINCIPAL_PHOTO', 'face.jpg', null],
      ],
    });

    // 新增APP: the filed individual adds a second APP; the order waits for initial review with its icon.
    const snippets = await tx.website.create({
      data: {
        subjectId: blogger.id,
        ownerId: individual!.id,
        kind: 'APP',
        name: '代码片段本',
        homepageUrls: [],
        contentCategory: 'PERSONAL_BLOG',
        languages: ['zh-Hans'],
        remark: '收藏和分享个人代码片段的工具',
        principalId: zhang.id,
        ipAddresses: ['203.0.113.10'],
        productVerification: 'SERVER_INSTANCE',
        serverInstanceId: zhangServer.id,
        appPlatforms: {
          create: [{ kind: 'ANDROID', packageName: 'cn.zhangwei.snippets', publicKey: appKey, md5Signature: '3A5F0B1C2D3E4F506172839405B6C7D8', position: 0 }],
        },
        appSdks: { create: [{ provider: '个推', type: '统计', position: 0 }] },
        appDomains: { create: [{ name: 'snippets.zhangwei-notes.cn', position: 0 }] },
      },
    });
    await order({
      number: 'ICP-DEMO-0002',
      ownerId: individual!.id,
      subjectId: blogger.id,
      provinceCode: 'hubei',
      filingType: 'ADD_WEBSITE',
      variant: 'ADD_WEBSITE_HERE',
      websiteIds: [snippets.id],
      path: ['DRAFT', 'PENDING_INITIAL_REVIEW'],
      submittedDaysAgo: 2,
      materials: [
        ['PRINCIPAL_PHOTO', 'face.jpg', null],
        ['APP_ICON', 'icon.jpg', snippets.id],
      ],
    });
  });
  return true;
}
